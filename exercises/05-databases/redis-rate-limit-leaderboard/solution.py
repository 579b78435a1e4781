"""A fixed-window rate limiter (INCR + EXPIRE) and a sorted-set leaderboard."""
from redis import Redis


def allow_request(r: Redis, user_id: str, limit: int, window_seconds: int, now: float) -> bool:
    if limit < 1 or window_seconds < 1:
        raise ValueError(f"limit and window_seconds must be at least 1, got {limit} and {window_seconds}")
    key = f"rate:{user_id}:{int(now // window_seconds)}"
    pipe = r.pipeline()
    pipe.incr(key)
    pipe.expire(key, window_seconds)
    count, _ = pipe.execute()
    return count <= limit


def add_points(r: Redis, board: str, player: str, points: int) -> int:
    return int(r.zincrby(board, points, player))


def top_players(r: Redis, board: str, n: int) -> list[tuple[str, int]]:
    if n < 1:
        raise ValueError(f"n must be at least 1, got {n}")
    return [(player, int(score)) for player, score in r.zrevrange(board, 0, n - 1, withscores=True)]


def rank_of(r: Redis, board: str, player: str) -> int | None:
    rank = r.zrevrank(board, player)
    return None if rank is None else rank + 1
