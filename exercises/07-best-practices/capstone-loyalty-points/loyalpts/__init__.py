from loyalpts.ledger import Ledger, PreconditionError
from loyalpts.rules import points_for
