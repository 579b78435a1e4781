//! The curriculum: where its files come from, its metadata as typed values, and the roadmap it
//! is measured against. Knows nothing of workspaces, checks or output.

pub mod catalog;
pub mod roadmap;
mod source;

pub use source::Curriculum;
