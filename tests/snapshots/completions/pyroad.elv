
use builtin;
use str;

set edit:completion:arg-completer[pyroad] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'pyroad'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'pyroad'= {
            cand --workspace 'Use the workspace in DIR instead of searching upward from the current folder'
            cand --exercises 'Use the curriculum in PATH instead of the one built into pyroad'
            cand --color 'When to use colours'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand init 'Create a workspace (and a virtual environment with pytest if needed)'
            cand run 'Check one exercise (default: the first unsolved one). Exits 0 on a pass, 1 on a fail, 3 when it was skipped (a package, a program or a newer Python it needs is missing)'
            cand watch 'Re-check the current exercise on every save; move on when it passes'
            cand hint 'Show the next hint for an exercise (default: the first unsolved one)'
            cand progress 'Show progress across all 16 roadmap topics'
            cand list 'List exercises with their status'
            cand reset 'Restore an exercise''s original files (your version is kept in .pyroad/backups/)'
            cand solution 'Show an exercise''s reference solution (once you have passed it)'
            cand verify 'Check every exercise in parallel and report (exit 0 only when all pass)'
            cand grade 'Grade a class: every student''s submission (a folder or .zip / .tar.gz each) checked, hidden tests included, into grades.csv, grades.json and feedback/<student>.md. Exits 0 when every submission could be graded, 1 when one could not (a broken archive, say)'
            cand doctor 'Check the interpreter, pytest, the sandbox and the extras'
            cand setup 'Make sure the workspace''s virtual environment exists (and has every extra)'
            cand completions 'Print a shell completion script'
            cand dev 'Tools for curriculum authors'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'pyroad;init'= {
            cand --python 'Python interpreter to use (also PYROAD_PYTHON)'
            cand --workspace 'Use the workspace in DIR instead of searching upward from the current folder'
            cand --exercises 'Use the curriculum in PATH instead of the one built into pyroad'
            cand --color 'When to use colours'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'pyroad;run'= {
            cand --python 'Python interpreter to run checks with (also PYROAD_PYTHON)'
            cand --workspace 'Use the workspace in DIR instead of searching upward from the current folder'
            cand --exercises 'Use the curriculum in PATH instead of the one built into pyroad'
            cand --color 'When to use colours'
            cand -v 'Show pytest''s own output as well'
            cand --verbose 'Show pytest''s own output as well'
            cand --no-warm 'Run every check in a fresh interpreter instead of a warm worker (slower)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'pyroad;watch'= {
            cand --python 'Python interpreter to run checks with (also PYROAD_PYTHON)'
            cand --workspace 'Use the workspace in DIR instead of searching upward from the current folder'
            cand --exercises 'Use the curriculum in PATH instead of the one built into pyroad'
            cand --color 'When to use colours'
            cand --poll 'Poll files for changes instead of using file events'
            cand --auto-advance 'Move to the next exercise as soon as one passes'
            cand -v 'Show pytest''s own output as well'
            cand --verbose 'Show pytest''s own output as well'
            cand --no-warm 'Run every check in a fresh interpreter instead of a warm worker (slower)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'pyroad;hint'= {
            cand --workspace 'Use the workspace in DIR instead of searching upward from the current folder'
            cand --exercises 'Use the curriculum in PATH instead of the one built into pyroad'
            cand --color 'When to use colours'
            cand --all 'Show every hint at once'
            cand --again 'Show again the hints already seen, without moving to the next one'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'pyroad;progress'= {
            cand --workspace 'Use the workspace in DIR instead of searching upward from the current folder'
            cand --exercises 'Use the curriculum in PATH instead of the one built into pyroad'
            cand --color 'When to use colours'
            cand --json 'Print JSON for scripts'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'pyroad;list'= {
            cand --topic 'Only this topic number'
            cand --workspace 'Use the workspace in DIR instead of searching upward from the current folder'
            cand --exercises 'Use the curriculum in PATH instead of the one built into pyroad'
            cand --color 'When to use colours'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'pyroad;reset'= {
            cand --workspace 'Use the workspace in DIR instead of searching upward from the current folder'
            cand --exercises 'Use the curriculum in PATH instead of the one built into pyroad'
            cand --color 'When to use colours'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'pyroad;solution'= {
            cand --workspace 'Use the workspace in DIR instead of searching upward from the current folder'
            cand --exercises 'Use the curriculum in PATH instead of the one built into pyroad'
            cand --color 'When to use colours'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'pyroad;verify'= {
            cand --topic 'Only this topic number'
            cand -j 'Parallel checks, 1 to 256 (default: number of cores)'
            cand --jobs 'Parallel checks, 1 to 256 (default: number of cores)'
            cand --format 'Report format'
            cand -o 'Write the report to FILE'
            cand --output 'Write the report to FILE'
            cand --python 'Python interpreter to run checks with (also PYROAD_PYTHON)'
            cand --workspace 'Use the workspace in DIR instead of searching upward from the current folder'
            cand --exercises 'Use the curriculum in PATH instead of the one built into pyroad'
            cand --color 'When to use colours'
            cand --strict 'Count skipped exercises as failures'
            cand --hidden 'Run the exercises'' hidden tests too (a grader''s; `hidden/test_*.py`)'
            cand -v 'Show pytest''s own output as well'
            cand --verbose 'Show pytest''s own output as well'
            cand --no-warm 'Run every check in a fresh interpreter instead of a warm worker (slower)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'pyroad;grade'= {
            cand -o 'Where the gradebook and feedback go'
            cand --output 'Where the gradebook and feedback go'
            cand -j 'Parallel checks, 1 to 256 (default: number of cores)'
            cand --jobs 'Parallel checks, 1 to 256 (default: number of cores)'
            cand --topic 'Only this topic''s exercises'
            cand --shard 'Grade only the K-th of N equal parts of the class (from 1), for a CI matrix; join the parts with `pyroad grade merge`'
            cand --format 'Also write the Exercism test runner''s results.json per student (exercism/<student>/)'
            cand --python 'Python interpreter to run checks with (also PYROAD_PYTHON)'
            cand --workspace 'Use the workspace in DIR instead of searching upward from the current folder'
            cand --exercises 'Use the curriculum in PATH instead of the one built into pyroad'
            cand --color 'When to use colours'
            cand --show-hidden 'Put the hidden tests'' failures in the students'' feedback too'
            cand -v 'Show pytest''s own output as well'
            cand --verbose 'Show pytest''s own output as well'
            cand --no-warm 'Run every check in a fresh interpreter instead of a warm worker (slower)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand merge 'Join the output folders of `grade --shard K/N` runs into one gradebook'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'pyroad;grade;merge'= {
            cand -o 'Where the joined gradebook goes'
            cand --output 'Where the joined gradebook goes'
            cand --workspace 'Use the workspace in DIR instead of searching upward from the current folder'
            cand --exercises 'Use the curriculum in PATH instead of the one built into pyroad'
            cand --color 'When to use colours'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'pyroad;grade;help'= {
            cand merge 'Join the output folders of `grade --shard K/N` runs into one gradebook'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'pyroad;grade;help;merge'= {
        }
        &'pyroad;grade;help;help'= {
        }
        &'pyroad;doctor'= {
            cand --python 'Python interpreter to run checks with (also PYROAD_PYTHON)'
            cand --workspace 'Use the workspace in DIR instead of searching upward from the current folder'
            cand --exercises 'Use the curriculum in PATH instead of the one built into pyroad'
            cand --color 'When to use colours'
            cand -v 'Show pytest''s own output as well'
            cand --verbose 'Show pytest''s own output as well'
            cand --no-warm 'Run every check in a fresh interpreter instead of a warm worker (slower)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'pyroad;setup'= {
            cand --python 'Python interpreter to use (also PYROAD_PYTHON)'
            cand --workspace 'Use the workspace in DIR instead of searching upward from the current folder'
            cand --exercises 'Use the curriculum in PATH instead of the one built into pyroad'
            cand --color 'When to use colours'
            cand --extras 'Install every third-party package the curriculum declares'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'pyroad;completions'= {
            cand --workspace 'Use the workspace in DIR instead of searching upward from the current folder'
            cand --exercises 'Use the curriculum in PATH instead of the one built into pyroad'
            cand --color 'When to use colours'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'pyroad;dev'= {
            cand --workspace 'Use the workspace in DIR instead of searching upward from the current folder'
            cand --exercises 'Use the curriculum in PATH instead of the one built into pyroad'
            cand --color 'When to use colours'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand check 'Lint a curriculum and prove every solution passes and every stub fails'
            cand mutants 'Mutate every reference solution (swapped comparisons, constants off by one, removed statements...) and prove the tests fail on each mutant; exit 1 on any survivor not listed in `equivalent_mutants`, or a stale entry there'
            cand new 'Scaffold a new exercise that fails until it is written'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'pyroad;dev;check'= {
            cand -j 'Parallel checks, 1 to 256 (default: number of cores)'
            cand --jobs 'Parallel checks, 1 to 256 (default: number of cores)'
            cand --python 'Python interpreter to run checks with (also PYROAD_PYTHON)'
            cand --workspace 'Use the workspace in DIR instead of searching upward from the current folder'
            cand --exercises 'Use the curriculum in PATH instead of the one built into pyroad'
            cand --color 'When to use colours'
            cand --compare-cold 'Also check every stub and solution in a fresh interpreter and report any verdict or test outcome that differs from the warm worker''s'
            cand -v 'Show pytest''s own output as well'
            cand --verbose 'Show pytest''s own output as well'
            cand --no-warm 'Run every check in a fresh interpreter instead of a warm worker (slower)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'pyroad;dev;mutants'= {
            cand -j 'Parallel exercises, 1 to 256 (default: number of cores)'
            cand --jobs 'Parallel exercises, 1 to 256 (default: number of cores)'
            cand --topic 'Only the exercises of these topics (numbers: `--topic 3` or `--topic 1,3,16`)'
            cand --format 'human (survivors as diffs, a table per topic) or json (on stdout; progress on stderr)'
            cand --python 'Python interpreter to run checks with (also PYROAD_PYTHON)'
            cand --workspace 'Use the workspace in DIR instead of searching upward from the current folder'
            cand --exercises 'Use the curriculum in PATH instead of the one built into pyroad'
            cand --color 'When to use colours'
            cand -v 'Show pytest''s own output as well'
            cand --verbose 'Show pytest''s own output as well'
            cand --no-warm 'Run every check in a fresh interpreter instead of a warm worker (slower)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'pyroad;dev;new'= {
            cand --path 'The curriculum folder'
            cand --workspace 'Use the workspace in DIR instead of searching upward from the current folder'
            cand --exercises 'Use the curriculum in PATH instead of the one built into pyroad'
            cand --color 'When to use colours'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'pyroad;dev;help'= {
            cand check 'Lint a curriculum and prove every solution passes and every stub fails'
            cand mutants 'Mutate every reference solution (swapped comparisons, constants off by one, removed statements...) and prove the tests fail on each mutant; exit 1 on any survivor not listed in `equivalent_mutants`, or a stale entry there'
            cand new 'Scaffold a new exercise that fails until it is written'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'pyroad;dev;help;check'= {
        }
        &'pyroad;dev;help;mutants'= {
        }
        &'pyroad;dev;help;new'= {
        }
        &'pyroad;dev;help;help'= {
        }
        &'pyroad;help'= {
            cand init 'Create a workspace (and a virtual environment with pytest if needed)'
            cand run 'Check one exercise (default: the first unsolved one). Exits 0 on a pass, 1 on a fail, 3 when it was skipped (a package, a program or a newer Python it needs is missing)'
            cand watch 'Re-check the current exercise on every save; move on when it passes'
            cand hint 'Show the next hint for an exercise (default: the first unsolved one)'
            cand progress 'Show progress across all 16 roadmap topics'
            cand list 'List exercises with their status'
            cand reset 'Restore an exercise''s original files (your version is kept in .pyroad/backups/)'
            cand solution 'Show an exercise''s reference solution (once you have passed it)'
            cand verify 'Check every exercise in parallel and report (exit 0 only when all pass)'
            cand grade 'Grade a class: every student''s submission (a folder or .zip / .tar.gz each) checked, hidden tests included, into grades.csv, grades.json and feedback/<student>.md. Exits 0 when every submission could be graded, 1 when one could not (a broken archive, say)'
            cand doctor 'Check the interpreter, pytest, the sandbox and the extras'
            cand setup 'Make sure the workspace''s virtual environment exists (and has every extra)'
            cand completions 'Print a shell completion script'
            cand dev 'Tools for curriculum authors'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'pyroad;help;init'= {
        }
        &'pyroad;help;run'= {
        }
        &'pyroad;help;watch'= {
        }
        &'pyroad;help;hint'= {
        }
        &'pyroad;help;progress'= {
        }
        &'pyroad;help;list'= {
        }
        &'pyroad;help;reset'= {
        }
        &'pyroad;help;solution'= {
        }
        &'pyroad;help;verify'= {
        }
        &'pyroad;help;grade'= {
            cand merge 'Join the output folders of `grade --shard K/N` runs into one gradebook'
        }
        &'pyroad;help;grade;merge'= {
        }
        &'pyroad;help;doctor'= {
        }
        &'pyroad;help;setup'= {
        }
        &'pyroad;help;completions'= {
        }
        &'pyroad;help;dev'= {
            cand check 'Lint a curriculum and prove every solution passes and every stub fails'
            cand mutants 'Mutate every reference solution (swapped comparisons, constants off by one, removed statements...) and prove the tests fail on each mutant; exit 1 on any survivor not listed in `equivalent_mutants`, or a stale entry there'
            cand new 'Scaffold a new exercise that fails until it is written'
        }
        &'pyroad;help;dev;check'= {
        }
        &'pyroad;help;dev;mutants'= {
        }
        &'pyroad;help;dev;new'= {
        }
        &'pyroad;help;help'= {
        }
    ]
    $completions[$command]
}
