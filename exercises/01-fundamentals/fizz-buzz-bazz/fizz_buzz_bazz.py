"""FizzBuzzBazz: one loop, rules from a table.

Read a whole number N from standard input (a bare input(), with no prompt:
a prompt would be printed too). Then, for every number from 1 to N inclusive,
print one line:

- the words of every rule in RULES whose divisor divides the number, joined
  in the order of RULES: 3 -> "Fizz", 5 -> "Buzz", 7 -> "Bazz",
  so 15 -> "FizzBuzz", 21 -> "FizzBazz", 35 -> "BuzzBazz", 105 -> "FizzBuzzBazz";
- the number itself if no rule matches.

Finish with a summary line. For N = 8 the output is:

    1
    2
    Fizz
    4
    Buzz
    Fizz
    Bazz
    8
    4 of 8 numbers got a word

The check runs your program with 35 on standard input, and the tests call
main() with other numbers (105 is the first to match all three rules) and
with other RULES. With three rules an if/elif chain needs 2**3 = 8 branches,
and each new rule doubles it; loop over RULES instead, so adding a rule is
one line of data.
"""

RULES = [(3, "Fizz"), (5, "Buzz"), (7, "Bazz")]


def main() -> None:
    limit = int(input())
    for number in range(1, limit + 1):
        # TODO: this chain knows nothing about 7; replace it with a loop over RULES
        # that builds the word for this number.
        if number % 15 == 0:
            print("FizzBuzz")
        elif number % 3 == 0:
            print("Fizz")
        elif number % 5 == 0:
            print("Buzz")
        else:
            print(number)
    # TODO: count the numbers that got a word and print the summary line


if __name__ == "__main__":
    main()
