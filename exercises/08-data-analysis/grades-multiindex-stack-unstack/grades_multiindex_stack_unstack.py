"""Exam scores in a two-level column header: stack, group, unstack, and let labels line up.

The school's export has one row per student (index "student") and TWO levels of column labels,
term and subject (a MultiIndex with the level names "term" and "subject"). Each term lists its
subjects in its own order, and not every subject is taken every term:

    term       T1              T2
    subject  math physics physics math   art
    student
    Zoé      60.0    70.0    75.0 65.0  80.0
    Ali       NaN    50.0    55.0 90.0   NaN      <- NaN: absent from the exam

1. `scores_long(wide)`: a Series named "score" with a three-level index (student, term,
   subject), one entry per score that EXISTS (absences dropped), sorted by the index
   (wide.stack(...) moves column levels into the index).
       ("Ali", "T1", "physics") -> 50.0, ("Ali", "T2", "math") -> 90.0, ...

2. `subject_by_term(long)`: the mean score per subject (rows, sorted) and term (columns,
   sorted), NaN where a subject had no score in a term (groupby the two levels, then
   .unstack("term")).

3. `improvement(wide, before, after)`: per student and subject, the score in term `after`
   minus the score in term `before`: a DataFrame with the students as rows (in wide's order)
   and one column per subject of either term (sorted), NaN where either score is missing.
   Match the subjects BY NAME: T2 lists physics before math, so subtracting the two blocks
   position by position (.to_numpy()) would compute physics minus math. A term that is not in
   wide -> ValueError(f"no term {term!r} in {terms}") with terms the list of wide's terms in
   their order, e.g. "no term 'T3' in ['T1', 'T2']".
       improvement(wide, "T1", "T2") -> Zoé: art NaN, math 5.0, physics 5.0

No function changes the DataFrame or Series it is given.
"""

import pandas as pd


def scores_long(wide: pd.DataFrame) -> pd.Series:
    # TODO: stack both column levels, drop the absences, name and sort.
    raise NotImplementedError


def subject_by_term(long: pd.Series) -> pd.DataFrame:
    # TODO: groupby(["subject", "term"]).mean(), then unstack the term.
    raise NotImplementedError


def improvement(wide: pd.DataFrame, before: str, after: str) -> pd.DataFrame:
    # TODO: check both terms, then subtract wide[before] from wide[after] (aligned by label).
    raise NotImplementedError
