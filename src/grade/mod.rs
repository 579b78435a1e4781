//! Grading a class: the students' submissions found and unpacked safely (`submissions`,
//! `archive`), each exercise's points from its check (`score`), and the gradebook that holds
//! them, its shards and their merge (`gradebook`). The checks themselves are `check`'s; the
//! words (feedback, summary) are `ui`'s; `commands::grade` drives it.

pub mod archive;
pub mod gradebook;
pub mod score;
pub mod submissions;
