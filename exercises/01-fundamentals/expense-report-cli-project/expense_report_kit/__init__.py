"""expense_report_kit: read an expenses CSV, check it, and write a report.

    models.py   Expense and Expense.from_row(row)      <- TODO
    loader.py   load_expenses(path)                    <- TODO
    report.py   summarise(), render_report() (done), write_text_atomic()  <- TODO
    errors.py   RowError, InputError                   (done)
"""
