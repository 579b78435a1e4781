"""Two everyday Redis jobs: a fixed-window rate limiter and a leaderboard.

Every function receives `r`, a redis-py client made with
decode_responses=True (the tests use fakeredis, an in-memory Redis with the
same API), so keys, members and values come back as str.

1. allow_request(r, user_id, limit, window_seconds, now) -> bool
   At most `limit` requests per user in each window of `window_seconds`.
   Windows are numbered `int(now // window_seconds)`; count the requests in
   the key f"rate:{user_id}:{window_number}" with INCR and give the key a
   TTL of window_seconds (EXPIRE) so finished windows disappear by
   themselves. `now` is a Unix time in seconds, passed in so tests need no
   clock. limit or window_seconds below 1 raises
   ValueError("limit and window_seconds must be at least 1").
       limit=2, window 60 s, now=120.0, 130.0, 150.0 -> True, True, False
       now=180.0 (next window)                        -> True

2. add_points(r, board, player, points) -> the player's new score (int)
3. top_players(r, board, n) -> [(player, score), ...] the n highest scores,
   best first, scores as int. n below 1 raises ValueError("n must be at least 1").
4. rank_of(r, board, player) -> 1 for the leader, 2 for the next...,
   None for a player who has never scored.
   Use a sorted set (ZINCRBY, ZREVRANGE, ZREVRANK) stored under the key `board`.
"""
from redis import Redis


def allow_request(r: Redis, user_id: str, limit: int, window_seconds: int, now: float) -> bool:
    # TODO: validate, build the window key, INCR it, EXPIRE it, compare with limit.
    raise NotImplementedError


def add_points(r: Redis, board: str, player: str, points: int) -> int:
    # TODO: ZINCRBY
    raise NotImplementedError


def top_players(r: Redis, board: str, n: int) -> list[tuple[str, int]]:
    # TODO: validate n, then ZREVRANGE ... WITHSCORES
    raise NotImplementedError


def rank_of(r: Redis, board: str, player: str) -> int | None:
    # TODO: ZREVRANK is 0-based; None means not on the board.
    raise NotImplementedError
