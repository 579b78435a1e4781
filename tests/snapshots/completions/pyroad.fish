# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_pyroad_global_optspecs
    string join \n workspace= exercises= color= h/help V/version
end

function __fish_pyroad_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_pyroad_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_pyroad_using_subcommand
    set -l cmd (__fish_pyroad_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c pyroad -n "__fish_pyroad_needs_command" -l workspace -d 'Use the workspace in DIR instead of searching upward from the current folder' -r -F
complete -c pyroad -n "__fish_pyroad_needs_command" -l exercises -d 'Use the curriculum in PATH instead of the one built into pyroad' -r -F
complete -c pyroad -n "__fish_pyroad_needs_command" -l color -d 'When to use colours' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c pyroad -n "__fish_pyroad_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c pyroad -n "__fish_pyroad_needs_command" -s V -l version -d 'Print version'
complete -c pyroad -n "__fish_pyroad_needs_command" -f -a "init" -d 'Create a workspace (and a virtual environment with pytest if needed)'
complete -c pyroad -n "__fish_pyroad_needs_command" -f -a "run" -d 'Check one exercise (default: the first unsolved one). Exits 0 on a pass, 1 on a fail, 3 when it was skipped (a package, a program or a newer Python it needs is missing)'
complete -c pyroad -n "__fish_pyroad_needs_command" -f -a "watch" -d 'Re-check the current exercise on every save; move on when it passes'
complete -c pyroad -n "__fish_pyroad_needs_command" -f -a "hint" -d 'Show the next hint for an exercise (default: the first unsolved one)'
complete -c pyroad -n "__fish_pyroad_needs_command" -f -a "progress" -d 'Show progress across all 16 roadmap topics'
complete -c pyroad -n "__fish_pyroad_needs_command" -f -a "list" -d 'List exercises with their status'
complete -c pyroad -n "__fish_pyroad_needs_command" -f -a "reset" -d 'Restore an exercise\'s original files (your version is kept in .pyroad/backups/)'
complete -c pyroad -n "__fish_pyroad_needs_command" -f -a "solution" -d 'Show an exercise\'s reference solution (once you have passed it)'
complete -c pyroad -n "__fish_pyroad_needs_command" -f -a "verify" -d 'Check every exercise in parallel and report (exit 0 only when all pass)'
complete -c pyroad -n "__fish_pyroad_needs_command" -f -a "grade" -d 'Grade a class: every student\'s submission (a folder or .zip / .tar.gz each) checked, hidden tests included, into grades.csv, grades.json and feedback/<student>.md. Exits 0 when every submission could be graded, 1 when one could not (a broken archive, say)'
complete -c pyroad -n "__fish_pyroad_needs_command" -f -a "doctor" -d 'Check the interpreter, pytest, the sandbox and the extras'
complete -c pyroad -n "__fish_pyroad_needs_command" -f -a "setup" -d 'Make sure the workspace\'s virtual environment exists (and has every extra)'
complete -c pyroad -n "__fish_pyroad_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c pyroad -n "__fish_pyroad_needs_command" -f -a "dev" -d 'Tools for curriculum authors'
complete -c pyroad -n "__fish_pyroad_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c pyroad -n "__fish_pyroad_using_subcommand init" -l python -d 'Python interpreter to use (also PYROAD_PYTHON)' -r -F
complete -c pyroad -n "__fish_pyroad_using_subcommand init" -l workspace -d 'Use the workspace in DIR instead of searching upward from the current folder' -r -F
complete -c pyroad -n "__fish_pyroad_using_subcommand init" -l exercises -d 'Use the curriculum in PATH instead of the one built into pyroad' -r -F
complete -c pyroad -n "__fish_pyroad_using_subcommand init" -l color -d 'When to use colours' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c pyroad -n "__fish_pyroad_using_subcommand init" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c pyroad -n "__fish_pyroad_using_subcommand run" -l python -d 'Python interpreter to run checks with (also PYROAD_PYTHON)' -r -F
complete -c pyroad -n "__fish_pyroad_using_subcommand run" -l workspace -d 'Use the workspace in DIR instead of searching upward from the current folder' -r -F
complete -c pyroad -n "__fish_pyroad_using_subcommand run" -l exercises -d 'Use the curriculum in PATH instead of the one built into pyroad' -r -F
complete -c pyroad -n "__fish_pyroad_using_subcommand run" -l color -d 'When to use colours' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c pyroad -n "__fish_pyroad_using_subcommand run" -s v -l verbose -d 'Show pytest\'s own output as well'
complete -c pyroad -n "__fish_pyroad_using_subcommand run" -l no-warm -d 'Run every check in a fresh interpreter instead of a warm worker (slower)'
complete -c pyroad -n "__fish_pyroad_using_subcommand run" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c pyroad -n "__fish_pyroad_using_subcommand watch" -l python -d 'Python interpreter to run checks with (also PYROAD_PYTHON)' -r -F
complete -c pyroad -n "__fish_pyroad_using_subcommand watch" -l workspace -d 'Use the workspace in DIR instead of searching upward from the current folder' -r -F
complete -c pyroad -n "__fish_pyroad_using_subcommand watch" -l exercises -d 'Use the curriculum in PATH instead of the one built into pyroad' -r -F
complete -c pyroad -n "__fish_pyroad_using_subcommand watch" -l color -d 'When to use colours' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c pyroad -n "__fish_pyroad_using_subcommand watch" -l poll -d 'Poll files for changes instead of using file events'
complete -c pyroad -n "__fish_pyroad_using_subcommand watch" -l auto-advance -d 'Move to the next exercise as soon as one passes'
complete -c pyroad -n "__fish_pyroad_using_subcommand watch" -s v -l verbose -d 'Show pytest\'s own output as well'
complete -c pyroad -n "__fish_pyroad_using_subcommand watch" -l no-warm -d 'Run every check in a fresh interpreter instead of a warm worker (slower)'
complete -c pyroad -n "__fish_pyroad_using_subcommand watch" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c pyroad -n "__fish_pyroad_using_subcommand hint" -l workspace -d 'Use the workspace in DIR instead of searching upward from the current folder' -r -F
complete -c pyroad -n "__fish_pyroad_using_subcommand hint" -l exercises -d 'Use the curriculum in PATH instead of the one built into pyroad' -r -F
complete -c pyroad -n "__fish_pyroad_using_subcommand hint" -l color -d 'When to use colours' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c pyroad -n "__fish_pyroad_using_subcommand hint" -l all -d 'Show every hint at once'
complete -c pyroad -n "__fish_pyroad_using_subcommand hint" -l again -d 'Show again the hints already seen, without moving to the next one'
complete -c pyroad -n "__fish_pyroad_using_subcommand hint" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c pyroad -n "__fish_pyroad_using_subcommand progress" -l workspace -d 'Use the workspace in DIR instead of searching upward from the current folder' -r -F
complete -c pyroad -n "__fish_pyroad_using_subcommand progress" -l exercises -d 'Use the curriculum in PATH instead of the one built into pyroad' -r -F
complete -c pyroad -n "__fish_pyroad_using_subcommand progress" -l color -d 'When to use colours' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c pyroad -n "__fish_pyroad_using_subcommand progress" -l json -d 'Print JSON for scripts'
complete -c pyroad -n "__fish_pyroad_using_subcommand progress" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c pyroad -n "__fish_pyroad_using_subcommand list" -l topic -d 'Only this topic number' -r
complete -c pyroad -n "__fish_pyroad_using_subcommand list" -l workspace -d 'Use the workspace in DIR instead of searching upward from the current folder' -r -F
complete -c pyroad -n "__fish_pyroad_using_subcommand list" -l exercises -d 'Use the curriculum in PATH instead of the one built into pyroad' -r -F
complete -c pyroad -n "__fish_pyroad_using_subcommand list" -l color -d 'When to use colours' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c pyroad -n "__fish_pyroad_using_subcommand list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c pyroad -n "__fish_pyroad_using_subcommand reset" -l workspace -d 'Use the workspace in DIR instead of searching upward from the current folder' -r -F
complete -c pyroad -n "__fish_pyroad_using_subcommand reset" -l exercises -d 'Use the curriculum in PATH instead of the one built into pyroad' -r -F
complete -c pyroad -n "__fish_pyroad_using_subcommand reset" -l color -d 'When to use colours' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c pyroad -n "__fish_pyroad_using_subcommand reset" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c pyroad -n "__fish_pyroad_using_subcommand solution" -l workspace -d 'Use the workspace in DIR instead of searching upward from the current folder' -r -F
complete -c pyroad -n "__fish_pyroad_using_subcommand solution" -l exercises -d 'Use the curriculum in PATH instead of the one built into pyroad' -r -F
complete -c pyroad -n "__fish_pyroad_using_subcommand solution" -l color -d 'When to use colours' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c pyroad -n "__fish_pyroad_using_subcommand solution" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c pyroad -n "__fish_pyroad_using_subcommand verify" -l topic -d 'Only this topic number' -r
complete -c pyroad -n "__fish_pyroad_using_subcommand verify" -s j -l jobs -d 'Parallel checks, 1 to 256 (default: number of cores)' -r
complete -c pyroad -n "__fish_pyroad_using_subcommand verify" -l format -d 'Report format' -r -f -a "human\t'A per-topic summary for people'
json\t'One JSON document (schema 1: README "In CI, and for teachers")'
junit\t'JUnit XML for GitHub Actions, GitLab and Jenkins'
exercism\t'The Exercism test runner\'s results.json (version 3)'"
complete -c pyroad -n "__fish_pyroad_using_subcommand verify" -s o -l output -d 'Write the report to FILE' -r -F
complete -c pyroad -n "__fish_pyroad_using_subcommand verify" -l python -d 'Python interpreter to run checks with (also PYROAD_PYTHON)' -r -F
complete -c pyroad -n "__fish_pyroad_using_subcommand verify" -l workspace -d 'Use the workspace in DIR instead of searching upward from the current folder' -r -F
complete -c pyroad -n "__fish_pyroad_using_subcommand verify" -l exercises -d 'Use the curriculum in PATH instead of the one built into pyroad' -r -F
complete -c pyroad -n "__fish_pyroad_using_subcommand verify" -l color -d 'When to use colours' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c pyroad -n "__fish_pyroad_using_subcommand verify" -l strict -d 'Count skipped exercises as failures'
complete -c pyroad -n "__fish_pyroad_using_subcommand verify" -l hidden -d 'Run the exercises\' hidden tests too (a grader\'s; `hidden/test_*.py`)'
complete -c pyroad -n "__fish_pyroad_using_subcommand verify" -s v -l verbose -d 'Show pytest\'s own output as well'
complete -c pyroad -n "__fish_pyroad_using_subcommand verify" -l no-warm -d 'Run every check in a fresh interpreter instead of a warm worker (slower)'
complete -c pyroad -n "__fish_pyroad_using_subcommand verify" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c pyroad -n "__fish_pyroad_using_subcommand grade; and not __fish_seen_subcommand_from merge help" -s o -l output -d 'Where the gradebook and feedback go' -r -F
complete -c pyroad -n "__fish_pyroad_using_subcommand grade; and not __fish_seen_subcommand_from merge help" -s j -l jobs -d 'Parallel checks, 1 to 256 (default: number of cores)' -r
complete -c pyroad -n "__fish_pyroad_using_subcommand grade; and not __fish_seen_subcommand_from merge help" -l topic -d 'Only this topic\'s exercises' -r
complete -c pyroad -n "__fish_pyroad_using_subcommand grade; and not __fish_seen_subcommand_from merge help" -l shard -d 'Grade only the K-th of N equal parts of the class (from 1), for a CI matrix; join the parts with `pyroad grade merge`' -r
complete -c pyroad -n "__fish_pyroad_using_subcommand grade; and not __fish_seen_subcommand_from merge help" -l format -d 'Also write the Exercism test runner\'s results.json per student (exercism/<student>/)' -r -f -a "pyroad\t'The gradebook and feedback only'
exercism\t'Also Exercism\'s results.json (version 3) per student'"
complete -c pyroad -n "__fish_pyroad_using_subcommand grade; and not __fish_seen_subcommand_from merge help" -l python -d 'Python interpreter to run checks with (also PYROAD_PYTHON)' -r -F
complete -c pyroad -n "__fish_pyroad_using_subcommand grade; and not __fish_seen_subcommand_from merge help" -l workspace -d 'Use the workspace in DIR instead of searching upward from the current folder' -r -F
complete -c pyroad -n "__fish_pyroad_using_subcommand grade; and not __fish_seen_subcommand_from merge help" -l exercises -d 'Use the curriculum in PATH instead of the one built into pyroad' -r -F
complete -c pyroad -n "__fish_pyroad_using_subcommand grade; and not __fish_seen_subcommand_from merge help" -l color -d 'When to use colours' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c pyroad -n "__fish_pyroad_using_subcommand grade; and not __fish_seen_subcommand_from merge help" -l show-hidden -d 'Put the hidden tests\' failures in the students\' feedback too'
complete -c pyroad -n "__fish_pyroad_using_subcommand grade; and not __fish_seen_subcommand_from merge help" -s v -l verbose -d 'Show pytest\'s own output as well'
complete -c pyroad -n "__fish_pyroad_using_subcommand grade; and not __fish_seen_subcommand_from merge help" -l no-warm -d 'Run every check in a fresh interpreter instead of a warm worker (slower)'
complete -c pyroad -n "__fish_pyroad_using_subcommand grade; and not __fish_seen_subcommand_from merge help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c pyroad -n "__fish_pyroad_using_subcommand grade; and not __fish_seen_subcommand_from merge help" -a "merge" -d 'Join the output folders of `grade --shard K/N` runs into one gradebook'
complete -c pyroad -n "__fish_pyroad_using_subcommand grade; and not __fish_seen_subcommand_from merge help" -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c pyroad -n "__fish_pyroad_using_subcommand grade; and __fish_seen_subcommand_from merge" -s o -l output -d 'Where the joined gradebook goes' -r -F
complete -c pyroad -n "__fish_pyroad_using_subcommand grade; and __fish_seen_subcommand_from merge" -l workspace -d 'Use the workspace in DIR instead of searching upward from the current folder' -r -F
complete -c pyroad -n "__fish_pyroad_using_subcommand grade; and __fish_seen_subcommand_from merge" -l exercises -d 'Use the curriculum in PATH instead of the one built into pyroad' -r -F
complete -c pyroad -n "__fish_pyroad_using_subcommand grade; and __fish_seen_subcommand_from merge" -l color -d 'When to use colours' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c pyroad -n "__fish_pyroad_using_subcommand grade; and __fish_seen_subcommand_from merge" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c pyroad -n "__fish_pyroad_using_subcommand grade; and __fish_seen_subcommand_from help" -f -a "merge" -d 'Join the output folders of `grade --shard K/N` runs into one gradebook'
complete -c pyroad -n "__fish_pyroad_using_subcommand grade; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c pyroad -n "__fish_pyroad_using_subcommand doctor" -l python -d 'Python interpreter to run checks with (also PYROAD_PYTHON)' -r -F
complete -c pyroad -n "__fish_pyroad_using_subcommand doctor" -l workspace -d 'Use the workspace in DIR instead of searching upward from the current folder' -r -F
complete -c pyroad -n "__fish_pyroad_using_subcommand doctor" -l exercises -d 'Use the curriculum in PATH instead of the one built into pyroad' -r -F
complete -c pyroad -n "__fish_pyroad_using_subcommand doctor" -l color -d 'When to use colours' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c pyroad -n "__fish_pyroad_using_subcommand doctor" -s v -l verbose -d 'Show pytest\'s own output as well'
complete -c pyroad -n "__fish_pyroad_using_subcommand doctor" -l no-warm -d 'Run every check in a fresh interpreter instead of a warm worker (slower)'
complete -c pyroad -n "__fish_pyroad_using_subcommand doctor" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c pyroad -n "__fish_pyroad_using_subcommand setup" -l python -d 'Python interpreter to use (also PYROAD_PYTHON)' -r -F
complete -c pyroad -n "__fish_pyroad_using_subcommand setup" -l workspace -d 'Use the workspace in DIR instead of searching upward from the current folder' -r -F
complete -c pyroad -n "__fish_pyroad_using_subcommand setup" -l exercises -d 'Use the curriculum in PATH instead of the one built into pyroad' -r -F
complete -c pyroad -n "__fish_pyroad_using_subcommand setup" -l color -d 'When to use colours' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c pyroad -n "__fish_pyroad_using_subcommand setup" -l extras -d 'Install every third-party package the curriculum declares'
complete -c pyroad -n "__fish_pyroad_using_subcommand setup" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c pyroad -n "__fish_pyroad_using_subcommand completions" -l workspace -d 'Use the workspace in DIR instead of searching upward from the current folder' -r -F
complete -c pyroad -n "__fish_pyroad_using_subcommand completions" -l exercises -d 'Use the curriculum in PATH instead of the one built into pyroad' -r -F
complete -c pyroad -n "__fish_pyroad_using_subcommand completions" -l color -d 'When to use colours' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c pyroad -n "__fish_pyroad_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c pyroad -n "__fish_pyroad_using_subcommand dev; and not __fish_seen_subcommand_from check mutants new help" -l workspace -d 'Use the workspace in DIR instead of searching upward from the current folder' -r -F
complete -c pyroad -n "__fish_pyroad_using_subcommand dev; and not __fish_seen_subcommand_from check mutants new help" -l exercises -d 'Use the curriculum in PATH instead of the one built into pyroad' -r -F
complete -c pyroad -n "__fish_pyroad_using_subcommand dev; and not __fish_seen_subcommand_from check mutants new help" -l color -d 'When to use colours' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c pyroad -n "__fish_pyroad_using_subcommand dev; and not __fish_seen_subcommand_from check mutants new help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c pyroad -n "__fish_pyroad_using_subcommand dev; and not __fish_seen_subcommand_from check mutants new help" -f -a "check" -d 'Lint a curriculum and prove every solution passes and every stub fails'
complete -c pyroad -n "__fish_pyroad_using_subcommand dev; and not __fish_seen_subcommand_from check mutants new help" -f -a "mutants" -d 'Mutate every reference solution (swapped comparisons, constants off by one, removed statements...) and prove the tests fail on each mutant; exit 1 on any survivor not listed in `equivalent_mutants`, or a stale entry there'
complete -c pyroad -n "__fish_pyroad_using_subcommand dev; and not __fish_seen_subcommand_from check mutants new help" -f -a "new" -d 'Scaffold a new exercise that fails until it is written'
complete -c pyroad -n "__fish_pyroad_using_subcommand dev; and not __fish_seen_subcommand_from check mutants new help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c pyroad -n "__fish_pyroad_using_subcommand dev; and __fish_seen_subcommand_from check" -s j -l jobs -d 'Parallel checks, 1 to 256 (default: number of cores)' -r
complete -c pyroad -n "__fish_pyroad_using_subcommand dev; and __fish_seen_subcommand_from check" -l python -d 'Python interpreter to run checks with (also PYROAD_PYTHON)' -r -F
complete -c pyroad -n "__fish_pyroad_using_subcommand dev; and __fish_seen_subcommand_from check" -l workspace -d 'Use the workspace in DIR instead of searching upward from the current folder' -r -F
complete -c pyroad -n "__fish_pyroad_using_subcommand dev; and __fish_seen_subcommand_from check" -l exercises -d 'Use the curriculum in PATH instead of the one built into pyroad' -r -F
complete -c pyroad -n "__fish_pyroad_using_subcommand dev; and __fish_seen_subcommand_from check" -l color -d 'When to use colours' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c pyroad -n "__fish_pyroad_using_subcommand dev; and __fish_seen_subcommand_from check" -l compare-cold -d 'Also check every stub and solution in a fresh interpreter and report any verdict or test outcome that differs from the warm worker\'s'
complete -c pyroad -n "__fish_pyroad_using_subcommand dev; and __fish_seen_subcommand_from check" -s v -l verbose -d 'Show pytest\'s own output as well'
complete -c pyroad -n "__fish_pyroad_using_subcommand dev; and __fish_seen_subcommand_from check" -l no-warm -d 'Run every check in a fresh interpreter instead of a warm worker (slower)'
complete -c pyroad -n "__fish_pyroad_using_subcommand dev; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c pyroad -n "__fish_pyroad_using_subcommand dev; and __fish_seen_subcommand_from mutants" -s j -l jobs -d 'Parallel exercises, 1 to 256 (default: number of cores)' -r
complete -c pyroad -n "__fish_pyroad_using_subcommand dev; and __fish_seen_subcommand_from mutants" -l topic -d 'Only the exercises of these topics (numbers: `--topic 3` or `--topic 1,3,16`)' -r
complete -c pyroad -n "__fish_pyroad_using_subcommand dev; and __fish_seen_subcommand_from mutants" -l format -d 'human (survivors as diffs, a table per topic) or json (on stdout; progress on stderr)' -r -f -a "human\t'Survivors as diffs and a per-topic table, for people'
json\t'One JSON document'"
complete -c pyroad -n "__fish_pyroad_using_subcommand dev; and __fish_seen_subcommand_from mutants" -l python -d 'Python interpreter to run checks with (also PYROAD_PYTHON)' -r -F
complete -c pyroad -n "__fish_pyroad_using_subcommand dev; and __fish_seen_subcommand_from mutants" -l workspace -d 'Use the workspace in DIR instead of searching upward from the current folder' -r -F
complete -c pyroad -n "__fish_pyroad_using_subcommand dev; and __fish_seen_subcommand_from mutants" -l exercises -d 'Use the curriculum in PATH instead of the one built into pyroad' -r -F
complete -c pyroad -n "__fish_pyroad_using_subcommand dev; and __fish_seen_subcommand_from mutants" -l color -d 'When to use colours' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c pyroad -n "__fish_pyroad_using_subcommand dev; and __fish_seen_subcommand_from mutants" -s v -l verbose -d 'Show pytest\'s own output as well'
complete -c pyroad -n "__fish_pyroad_using_subcommand dev; and __fish_seen_subcommand_from mutants" -l no-warm -d 'Run every check in a fresh interpreter instead of a warm worker (slower)'
complete -c pyroad -n "__fish_pyroad_using_subcommand dev; and __fish_seen_subcommand_from mutants" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c pyroad -n "__fish_pyroad_using_subcommand dev; and __fish_seen_subcommand_from new" -l path -d 'The curriculum folder' -r -F
complete -c pyroad -n "__fish_pyroad_using_subcommand dev; and __fish_seen_subcommand_from new" -l workspace -d 'Use the workspace in DIR instead of searching upward from the current folder' -r -F
complete -c pyroad -n "__fish_pyroad_using_subcommand dev; and __fish_seen_subcommand_from new" -l exercises -d 'Use the curriculum in PATH instead of the one built into pyroad' -r -F
complete -c pyroad -n "__fish_pyroad_using_subcommand dev; and __fish_seen_subcommand_from new" -l color -d 'When to use colours' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c pyroad -n "__fish_pyroad_using_subcommand dev; and __fish_seen_subcommand_from new" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c pyroad -n "__fish_pyroad_using_subcommand dev; and __fish_seen_subcommand_from help" -f -a "check" -d 'Lint a curriculum and prove every solution passes and every stub fails'
complete -c pyroad -n "__fish_pyroad_using_subcommand dev; and __fish_seen_subcommand_from help" -f -a "mutants" -d 'Mutate every reference solution (swapped comparisons, constants off by one, removed statements...) and prove the tests fail on each mutant; exit 1 on any survivor not listed in `equivalent_mutants`, or a stale entry there'
complete -c pyroad -n "__fish_pyroad_using_subcommand dev; and __fish_seen_subcommand_from help" -f -a "new" -d 'Scaffold a new exercise that fails until it is written'
complete -c pyroad -n "__fish_pyroad_using_subcommand dev; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c pyroad -n "__fish_pyroad_using_subcommand help; and not __fish_seen_subcommand_from init run watch hint progress list reset solution verify grade doctor setup completions dev help" -f -a "init" -d 'Create a workspace (and a virtual environment with pytest if needed)'
complete -c pyroad -n "__fish_pyroad_using_subcommand help; and not __fish_seen_subcommand_from init run watch hint progress list reset solution verify grade doctor setup completions dev help" -f -a "run" -d 'Check one exercise (default: the first unsolved one). Exits 0 on a pass, 1 on a fail, 3 when it was skipped (a package, a program or a newer Python it needs is missing)'
complete -c pyroad -n "__fish_pyroad_using_subcommand help; and not __fish_seen_subcommand_from init run watch hint progress list reset solution verify grade doctor setup completions dev help" -f -a "watch" -d 'Re-check the current exercise on every save; move on when it passes'
complete -c pyroad -n "__fish_pyroad_using_subcommand help; and not __fish_seen_subcommand_from init run watch hint progress list reset solution verify grade doctor setup completions dev help" -f -a "hint" -d 'Show the next hint for an exercise (default: the first unsolved one)'
complete -c pyroad -n "__fish_pyroad_using_subcommand help; and not __fish_seen_subcommand_from init run watch hint progress list reset solution verify grade doctor setup completions dev help" -f -a "progress" -d 'Show progress across all 16 roadmap topics'
complete -c pyroad -n "__fish_pyroad_using_subcommand help; and not __fish_seen_subcommand_from init run watch hint progress list reset solution verify grade doctor setup completions dev help" -f -a "list" -d 'List exercises with their status'
complete -c pyroad -n "__fish_pyroad_using_subcommand help; and not __fish_seen_subcommand_from init run watch hint progress list reset solution verify grade doctor setup completions dev help" -f -a "reset" -d 'Restore an exercise\'s original files (your version is kept in .pyroad/backups/)'
complete -c pyroad -n "__fish_pyroad_using_subcommand help; and not __fish_seen_subcommand_from init run watch hint progress list reset solution verify grade doctor setup completions dev help" -f -a "solution" -d 'Show an exercise\'s reference solution (once you have passed it)'
complete -c pyroad -n "__fish_pyroad_using_subcommand help; and not __fish_seen_subcommand_from init run watch hint progress list reset solution verify grade doctor setup completions dev help" -f -a "verify" -d 'Check every exercise in parallel and report (exit 0 only when all pass)'
complete -c pyroad -n "__fish_pyroad_using_subcommand help; and not __fish_seen_subcommand_from init run watch hint progress list reset solution verify grade doctor setup completions dev help" -f -a "grade" -d 'Grade a class: every student\'s submission (a folder or .zip / .tar.gz each) checked, hidden tests included, into grades.csv, grades.json and feedback/<student>.md. Exits 0 when every submission could be graded, 1 when one could not (a broken archive, say)'
complete -c pyroad -n "__fish_pyroad_using_subcommand help; and not __fish_seen_subcommand_from init run watch hint progress list reset solution verify grade doctor setup completions dev help" -f -a "doctor" -d 'Check the interpreter, pytest, the sandbox and the extras'
complete -c pyroad -n "__fish_pyroad_using_subcommand help; and not __fish_seen_subcommand_from init run watch hint progress list reset solution verify grade doctor setup completions dev help" -f -a "setup" -d 'Make sure the workspace\'s virtual environment exists (and has every extra)'
complete -c pyroad -n "__fish_pyroad_using_subcommand help; and not __fish_seen_subcommand_from init run watch hint progress list reset solution verify grade doctor setup completions dev help" -f -a "completions" -d 'Print a shell completion script'
complete -c pyroad -n "__fish_pyroad_using_subcommand help; and not __fish_seen_subcommand_from init run watch hint progress list reset solution verify grade doctor setup completions dev help" -f -a "dev" -d 'Tools for curriculum authors'
complete -c pyroad -n "__fish_pyroad_using_subcommand help; and not __fish_seen_subcommand_from init run watch hint progress list reset solution verify grade doctor setup completions dev help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c pyroad -n "__fish_pyroad_using_subcommand help; and __fish_seen_subcommand_from grade" -f -a "merge" -d 'Join the output folders of `grade --shard K/N` runs into one gradebook'
complete -c pyroad -n "__fish_pyroad_using_subcommand help; and __fish_seen_subcommand_from dev" -f -a "check" -d 'Lint a curriculum and prove every solution passes and every stub fails'
complete -c pyroad -n "__fish_pyroad_using_subcommand help; and __fish_seen_subcommand_from dev" -f -a "mutants" -d 'Mutate every reference solution (swapped comparisons, constants off by one, removed statements...) and prove the tests fail on each mutant; exit 1 on any survivor not listed in `equivalent_mutants`, or a stale entry there'
complete -c pyroad -n "__fish_pyroad_using_subcommand help; and __fish_seen_subcommand_from dev" -f -a "new" -d 'Scaffold a new exercise that fails until it is written'
