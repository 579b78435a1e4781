"""A RESTful JSON API for tasks: CRUD, status codes, validation, pagination.

A task is {"id": 1, "title": "Buy milk", "done": false}. create_app() builds
an app with its own empty in-memory store; ids count up from 1 and are never
reused, not even after a delete.

  POST   /tasks        body {"title": ..., "done": ...}  -> 201 + the task,
                       with a Location header "/tasks/<id>"
  GET    /tasks/<id>   -> 200 + the task
  PUT    /tasks/<id>   same body as POST, replaces the task -> 200 + the task
  DELETE /tasks/<id>   -> 204, empty body
  GET    /tasks?page=2&per_page=10  -> 200 + one page, tasks by id:
         {"items": [...], "page": 2, "per_page": 10, "total": 23,
          "next": "/tasks?page=3&per_page=10"}   ("next": null on the last page)
         page defaults to 1, per_page to 10; a value that is not an integer
         falls back to its default (as request.args.get(..., type=int) does).

Errors, all JSON:
  404 {"error": "task 7 not found"}             unknown id (GET, PUT, DELETE)
  400 {"error": "request body must be a JSON object"}   POST/PUT body is not
                                                a JSON object (or not JSON)
  400 {"error": "page must be >= 1 and per_page between 1 and 100"}
  422 {"errors": {"title": "is required"}}     the body breaks the rules of
                                                validate_task(); nothing stored

validate_task(data) returns {field: problem} ({} when valid):
  title  required; a str; not blank; at most 100 characters after .strip()
         ("is required", "must be a string", "must not be blank",
          "must be at most 100 characters"); it is stored stripped
  done   optional, default false; must be a bool ("must be true or false")
  any other key: "unknown field"

    >>> validate_task({"title": "  ", "done": "yes", "titel": "x"})
    {'title': 'must not be blank', 'done': 'must be true or false', 'titel': 'unknown field'}
"""
from __future__ import annotations

from itertools import count
from typing import Any

from flask import Flask, request, url_for

FIELDS = {"title", "done"}


def validate_task(data: dict[str, Any]) -> dict[str, str]:
    """Return {field: problem} for every invalid field of `data`; {} when it is valid."""
    # TODO: check title, done and unknown keys
    raise NotImplementedError


def create_app() -> Flask:
    app = Flask(__name__)
    tasks: dict[int, dict[str, Any]] = {}   # id -> task
    ids = count(1)                           # next(ids) gives 1, 2, 3, ...

    @app.get("/tasks")
    def list_tasks():
        # TODO: read page/per_page, slice the tasks, build "next" with url_for
        return {"error": "not implemented yet"}, 501

    @app.post("/tasks")
    def create_task():
        # TODO: request.get_json(silent=True), 400 / 422 / 201 + Location
        return {"error": "not implemented yet"}, 501

    @app.get("/tasks/<int:task_id>")
    def get_task(task_id: int):
        # TODO: 200 or 404
        return {"error": "not implemented yet"}, 501

    @app.put("/tasks/<int:task_id>")
    def replace_task(task_id: int):
        # TODO: 404, then the same body checks as create_task, then 200
        return {"error": "not implemented yet"}, 501

    @app.delete("/tasks/<int:task_id>")
    def delete_task(task_id: int):
        # TODO: 204 or 404
        return {"error": "not implemented yet"}, 501

    return app
