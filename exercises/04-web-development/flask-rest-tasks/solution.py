"""A RESTful JSON API for tasks, with Flask."""
from __future__ import annotations

from itertools import count
from typing import Any

from flask import Flask, request, url_for

FIELDS = {"title", "done"}


def validate_task(data: dict[str, Any]) -> dict[str, str]:
    """Return {field: problem} for every invalid field of `data`; {} when it is valid."""
    errors = {}
    title = data.get("title")
    if "title" not in data:
        errors["title"] = "is required"
    elif not isinstance(title, str):
        errors["title"] = "must be a string"
    elif not title.strip():
        errors["title"] = "must not be blank"
    elif len(title.strip()) > 100:
        errors["title"] = "must be at most 100 characters"
    if "done" in data and not isinstance(data["done"], bool):
        errors["done"] = "must be true or false"
    for field in data.keys() - FIELDS:
        errors[field] = "unknown field"
    return errors


def create_app() -> Flask:
    app = Flask(__name__)
    tasks: dict[int, dict[str, Any]] = {}
    ids = count(1)

    def not_found(task_id: int):
        return {"error": f"task {task_id} not found"}, 404

    def fields_from_body():
        """(title and done, None) from a valid JSON body, else (None, the error response)."""
        data = request.get_json(silent=True)
        if not isinstance(data, dict):
            return None, ({"error": "request body must be a JSON object"}, 400)
        if errors := validate_task(data):
            return None, ({"errors": errors}, 422)
        return {"title": data["title"].strip(), "done": data.get("done", False)}, None

    @app.get("/tasks")
    def list_tasks():
        page = request.args.get("page", 1, type=int)
        per_page = request.args.get("per_page", 10, type=int)
        if page < 1 or not 1 <= per_page <= 100:
            return {"error": "page must be >= 1 and per_page between 1 and 100"}, 400
        start = (page - 1) * per_page
        items = [tasks[task_id] for task_id in sorted(tasks)][start:start + per_page]
        more = start + per_page < len(tasks)
        return {
            "items": items,
            "page": page,
            "per_page": per_page,
            "total": len(tasks),
            "next": url_for("list_tasks", page=page + 1, per_page=per_page) if more else None,
        }

    @app.post("/tasks")
    def create_task():
        fields, error = fields_from_body()
        if error:
            return error
        task = {"id": next(ids), **fields}
        tasks[task["id"]] = task
        return task, 201, {"Location": url_for("get_task", task_id=task["id"])}

    @app.get("/tasks/<int:task_id>")
    def get_task(task_id: int):
        if task_id not in tasks:
            return not_found(task_id)
        return tasks[task_id]

    @app.put("/tasks/<int:task_id>")
    def replace_task(task_id: int):
        if task_id not in tasks:
            return not_found(task_id)
        fields, error = fields_from_body()
        if error:
            return error
        tasks[task_id] = task = {"id": task_id, **fields}
        return task

    @app.delete("/tasks/<int:task_id>")
    def delete_task(task_id: int):
        if tasks.pop(task_id, None) is None:
            return not_found(task_id)
        return "", 204

    return app
