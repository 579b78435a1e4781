class PreconditionError(ValueError):
    pass


class Ledger:
    def __init__(self):
        self.balance = 0
        self.history = []

    def earn(self, points):
        assert points > 0, "points must be positive"
        self.balance += points
        self.history.append(("earn", points))

    def redeem(self, points):
        assert points > 0, "points must be positive"
        assert points < self.balance, "not enough points"
        self.balance -= points
        self.history.append(("redeem", points))
