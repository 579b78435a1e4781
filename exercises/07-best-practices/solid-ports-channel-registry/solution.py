"""Order confirmation behind ports (dependency inversion) with a channel registry (open/closed)."""

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Protocol, TypeVar


@dataclass(frozen=True)
class Order:
    id: str
    contacts: dict[str, str] = field(default_factory=dict)  # channel name -> address
    status: str = "new"
    confirmed_at: datetime | None = None


class Clock(Protocol):
    def now(self) -> datetime: ...


class OrderRepository(Protocol):
    def get(self, order_id: str) -> Order | None: ...

    def save(self, order: Order) -> None: ...


class Channel(Protocol):
    def send(self, address: str, text: str) -> None: ...


F = TypeVar("F", bound=Callable[[], Channel])


class ChannelRegistry:
    def __init__(self) -> None:
        self._factories: dict[str, Callable[[], Channel]] = {}

    def register(self, name: str) -> Callable[[F], F]:
        def decorate(factory: F) -> F:
            if name in self._factories:
                raise ValueError(f"channel {name!r} is already registered")
            self._factories[name] = factory
            return factory

        return decorate

    def names(self) -> list[str]:
        return sorted(self._factories)

    def create(self, name: str) -> Channel:
        if name not in self._factories:
            raise LookupError(f"no channel named {name!r}; known: {', '.join(self.names())}")
        return self._factories[name]()


class ConfirmationService:
    def __init__(self, repository: OrderRepository, clock: Clock, registry: ChannelRegistry) -> None:
        self.repository = repository
        self.clock = clock
        self.registry = registry

    def confirm(self, order_id: str) -> Order:
        order = self.repository.get(order_id)
        if order is None:
            raise LookupError(f"no order {order_id!r}")
        if order.status == "confirmed":
            return order
        channels = {name: self.registry.create(name) for name in sorted(order.contacts)}
        confirmed = replace(order, status="confirmed", confirmed_at=self.clock.now())
        self.repository.save(confirmed)
        text = f"Order {order.id} confirmed at {confirmed.confirmed_at:%Y-%m-%d %H:%M}"
        for name, channel in channels.items():
            channel.send(order.contacts[name], text)
        return confirmed
