//! Rendering: view models built from the [`crate::Project`] for each page, with text
//! already chosen for the page's language and Markdown already rendered and sanitised,
//! handed to Tera templates; page furniture comes from Fluent.

pub mod markdown;
pub mod minify;
pub mod site;
pub mod view;
pub mod words;
