//! What a person reads: verdicts and lists as text (`render`), JSON and JUnit (`report`),
//! colour (`style`), the terminal's modes (`term`), the time of day (`clock`), `doctor`'s words (`doctor`), `dev
//! mutants`' report (`mutants`), and `grade`'s feedback files (`feedback`) and summary (`grades`). Every sentence a learner sees is written here, from data the
//! engine hands over.

pub mod clock;
pub mod doctor;
pub mod feedback;
pub mod grades;
pub mod mutants;
pub mod render;
pub mod report;
pub mod style;
pub mod term;
