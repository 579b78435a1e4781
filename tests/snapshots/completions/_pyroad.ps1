
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'pyroad' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'pyroad'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'pyroad' {
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Use the workspace in DIR instead of searching upward from the current folder')
            [CompletionResult]::new('--exercises', '--exercises', [CompletionResultType]::ParameterName, 'Use the curriculum in PATH instead of the one built into pyroad')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create a workspace (and a virtual environment with pytest if needed)')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Check one exercise (default: the first unsolved one). Exits 0 on a pass, 1 on a fail, 3 when it was skipped (a package, a program or a newer Python it needs is missing)')
            [CompletionResult]::new('watch', 'watch', [CompletionResultType]::ParameterValue, 'Re-check the current exercise on every save; move on when it passes')
            [CompletionResult]::new('hint', 'hint', [CompletionResultType]::ParameterValue, 'Show the next hint for an exercise (default: the first unsolved one)')
            [CompletionResult]::new('progress', 'progress', [CompletionResultType]::ParameterValue, 'Show progress across all 16 roadmap topics')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List exercises with their status')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Restore an exercise''s original files (your version is kept in .pyroad/backups/)')
            [CompletionResult]::new('solution', 'solution', [CompletionResultType]::ParameterValue, 'Show an exercise''s reference solution (once you have passed it)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check every exercise in parallel and report (exit 0 only when all pass)')
            [CompletionResult]::new('grade', 'grade', [CompletionResultType]::ParameterValue, 'Grade a class: every student''s submission (a folder or .zip / .tar.gz each) checked, hidden tests included, into grades.csv, grades.json and feedback/<student>.md. Exits 0 when every submission could be graded, 1 when one could not (a broken archive, say)')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check the interpreter, pytest, the sandbox and the extras')
            [CompletionResult]::new('setup', 'setup', [CompletionResultType]::ParameterValue, 'Make sure the workspace''s virtual environment exists (and has every extra)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('dev', 'dev', [CompletionResultType]::ParameterValue, 'Tools for curriculum authors')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'pyroad;init' {
            [CompletionResult]::new('--python', '--python', [CompletionResultType]::ParameterName, 'Python interpreter to use (also PYROAD_PYTHON)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Use the workspace in DIR instead of searching upward from the current folder')
            [CompletionResult]::new('--exercises', '--exercises', [CompletionResultType]::ParameterName, 'Use the curriculum in PATH instead of the one built into pyroad')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'pyroad;run' {
            [CompletionResult]::new('--python', '--python', [CompletionResultType]::ParameterName, 'Python interpreter to run checks with (also PYROAD_PYTHON)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Use the workspace in DIR instead of searching upward from the current folder')
            [CompletionResult]::new('--exercises', '--exercises', [CompletionResultType]::ParameterName, 'Use the curriculum in PATH instead of the one built into pyroad')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show pytest''s own output as well')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show pytest''s own output as well')
            [CompletionResult]::new('--no-warm', '--no-warm', [CompletionResultType]::ParameterName, 'Run every check in a fresh interpreter instead of a warm worker (slower)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'pyroad;watch' {
            [CompletionResult]::new('--python', '--python', [CompletionResultType]::ParameterName, 'Python interpreter to run checks with (also PYROAD_PYTHON)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Use the workspace in DIR instead of searching upward from the current folder')
            [CompletionResult]::new('--exercises', '--exercises', [CompletionResultType]::ParameterName, 'Use the curriculum in PATH instead of the one built into pyroad')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('--poll', '--poll', [CompletionResultType]::ParameterName, 'Poll files for changes instead of using file events')
            [CompletionResult]::new('--auto-advance', '--auto-advance', [CompletionResultType]::ParameterName, 'Move to the next exercise as soon as one passes')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show pytest''s own output as well')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show pytest''s own output as well')
            [CompletionResult]::new('--no-warm', '--no-warm', [CompletionResultType]::ParameterName, 'Run every check in a fresh interpreter instead of a warm worker (slower)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'pyroad;hint' {
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Use the workspace in DIR instead of searching upward from the current folder')
            [CompletionResult]::new('--exercises', '--exercises', [CompletionResultType]::ParameterName, 'Use the curriculum in PATH instead of the one built into pyroad')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Show every hint at once')
            [CompletionResult]::new('--again', '--again', [CompletionResultType]::ParameterName, 'Show again the hints already seen, without moving to the next one')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'pyroad;progress' {
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Use the workspace in DIR instead of searching upward from the current folder')
            [CompletionResult]::new('--exercises', '--exercises', [CompletionResultType]::ParameterName, 'Use the curriculum in PATH instead of the one built into pyroad')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for scripts')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'pyroad;list' {
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'Only this topic number')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Use the workspace in DIR instead of searching upward from the current folder')
            [CompletionResult]::new('--exercises', '--exercises', [CompletionResultType]::ParameterName, 'Use the curriculum in PATH instead of the one built into pyroad')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'pyroad;reset' {
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Use the workspace in DIR instead of searching upward from the current folder')
            [CompletionResult]::new('--exercises', '--exercises', [CompletionResultType]::ParameterName, 'Use the curriculum in PATH instead of the one built into pyroad')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'pyroad;solution' {
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Use the workspace in DIR instead of searching upward from the current folder')
            [CompletionResult]::new('--exercises', '--exercises', [CompletionResultType]::ParameterName, 'Use the curriculum in PATH instead of the one built into pyroad')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'pyroad;verify' {
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'Only this topic number')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Parallel checks, 1 to 256 (default: number of cores)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Parallel checks, 1 to 256 (default: number of cores)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Report format')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the report to FILE')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to FILE')
            [CompletionResult]::new('--python', '--python', [CompletionResultType]::ParameterName, 'Python interpreter to run checks with (also PYROAD_PYTHON)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Use the workspace in DIR instead of searching upward from the current folder')
            [CompletionResult]::new('--exercises', '--exercises', [CompletionResultType]::ParameterName, 'Use the curriculum in PATH instead of the one built into pyroad')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Count skipped exercises as failures')
            [CompletionResult]::new('--hidden', '--hidden', [CompletionResultType]::ParameterName, 'Run the exercises'' hidden tests too (a grader''s; `hidden/test_*.py`)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show pytest''s own output as well')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show pytest''s own output as well')
            [CompletionResult]::new('--no-warm', '--no-warm', [CompletionResultType]::ParameterName, 'Run every check in a fresh interpreter instead of a warm worker (slower)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'pyroad;grade' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Where the gradebook and feedback go')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Where the gradebook and feedback go')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Parallel checks, 1 to 256 (default: number of cores)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Parallel checks, 1 to 256 (default: number of cores)')
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'Only this topic''s exercises')
            [CompletionResult]::new('--shard', '--shard', [CompletionResultType]::ParameterName, 'Grade only the K-th of N equal parts of the class (from 1), for a CI matrix; join the parts with `pyroad grade merge`')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Also write the Exercism test runner''s results.json per student (exercism/<student>/)')
            [CompletionResult]::new('--python', '--python', [CompletionResultType]::ParameterName, 'Python interpreter to run checks with (also PYROAD_PYTHON)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Use the workspace in DIR instead of searching upward from the current folder')
            [CompletionResult]::new('--exercises', '--exercises', [CompletionResultType]::ParameterName, 'Use the curriculum in PATH instead of the one built into pyroad')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('--show-hidden', '--show-hidden', [CompletionResultType]::ParameterName, 'Put the hidden tests'' failures in the students'' feedback too')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show pytest''s own output as well')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show pytest''s own output as well')
            [CompletionResult]::new('--no-warm', '--no-warm', [CompletionResultType]::ParameterName, 'Run every check in a fresh interpreter instead of a warm worker (slower)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('merge', 'merge', [CompletionResultType]::ParameterValue, 'Join the output folders of `grade --shard K/N` runs into one gradebook')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'pyroad;grade;merge' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Where the joined gradebook goes')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Where the joined gradebook goes')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Use the workspace in DIR instead of searching upward from the current folder')
            [CompletionResult]::new('--exercises', '--exercises', [CompletionResultType]::ParameterName, 'Use the curriculum in PATH instead of the one built into pyroad')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'pyroad;grade;help' {
            [CompletionResult]::new('merge', 'merge', [CompletionResultType]::ParameterValue, 'Join the output folders of `grade --shard K/N` runs into one gradebook')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'pyroad;grade;help;merge' {
            break
        }
        'pyroad;grade;help;help' {
            break
        }
        'pyroad;doctor' {
            [CompletionResult]::new('--python', '--python', [CompletionResultType]::ParameterName, 'Python interpreter to run checks with (also PYROAD_PYTHON)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Use the workspace in DIR instead of searching upward from the current folder')
            [CompletionResult]::new('--exercises', '--exercises', [CompletionResultType]::ParameterName, 'Use the curriculum in PATH instead of the one built into pyroad')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show pytest''s own output as well')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show pytest''s own output as well')
            [CompletionResult]::new('--no-warm', '--no-warm', [CompletionResultType]::ParameterName, 'Run every check in a fresh interpreter instead of a warm worker (slower)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'pyroad;setup' {
            [CompletionResult]::new('--python', '--python', [CompletionResultType]::ParameterName, 'Python interpreter to use (also PYROAD_PYTHON)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Use the workspace in DIR instead of searching upward from the current folder')
            [CompletionResult]::new('--exercises', '--exercises', [CompletionResultType]::ParameterName, 'Use the curriculum in PATH instead of the one built into pyroad')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('--extras', '--extras', [CompletionResultType]::ParameterName, 'Install every third-party package the curriculum declares')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'pyroad;completions' {
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Use the workspace in DIR instead of searching upward from the current folder')
            [CompletionResult]::new('--exercises', '--exercises', [CompletionResultType]::ParameterName, 'Use the curriculum in PATH instead of the one built into pyroad')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'pyroad;dev' {
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Use the workspace in DIR instead of searching upward from the current folder')
            [CompletionResult]::new('--exercises', '--exercises', [CompletionResultType]::ParameterName, 'Use the curriculum in PATH instead of the one built into pyroad')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Lint a curriculum and prove every solution passes and every stub fails')
            [CompletionResult]::new('mutants', 'mutants', [CompletionResultType]::ParameterValue, 'Mutate every reference solution (swapped comparisons, constants off by one, removed statements...) and prove the tests fail on each mutant; exit 1 on any survivor not listed in `equivalent_mutants`, or a stale entry there')
            [CompletionResult]::new('new', 'new', [CompletionResultType]::ParameterValue, 'Scaffold a new exercise that fails until it is written')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'pyroad;dev;check' {
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Parallel checks, 1 to 256 (default: number of cores)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Parallel checks, 1 to 256 (default: number of cores)')
            [CompletionResult]::new('--python', '--python', [CompletionResultType]::ParameterName, 'Python interpreter to run checks with (also PYROAD_PYTHON)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Use the workspace in DIR instead of searching upward from the current folder')
            [CompletionResult]::new('--exercises', '--exercises', [CompletionResultType]::ParameterName, 'Use the curriculum in PATH instead of the one built into pyroad')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('--compare-cold', '--compare-cold', [CompletionResultType]::ParameterName, 'Also check every stub and solution in a fresh interpreter and report any verdict or test outcome that differs from the warm worker''s')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show pytest''s own output as well')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show pytest''s own output as well')
            [CompletionResult]::new('--no-warm', '--no-warm', [CompletionResultType]::ParameterName, 'Run every check in a fresh interpreter instead of a warm worker (slower)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'pyroad;dev;mutants' {
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Parallel exercises, 1 to 256 (default: number of cores)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Parallel exercises, 1 to 256 (default: number of cores)')
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'Only the exercises of these topics (numbers: `--topic 3` or `--topic 1,3,16`)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'human (survivors as diffs, a table per topic) or json (on stdout; progress on stderr)')
            [CompletionResult]::new('--python', '--python', [CompletionResultType]::ParameterName, 'Python interpreter to run checks with (also PYROAD_PYTHON)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Use the workspace in DIR instead of searching upward from the current folder')
            [CompletionResult]::new('--exercises', '--exercises', [CompletionResultType]::ParameterName, 'Use the curriculum in PATH instead of the one built into pyroad')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show pytest''s own output as well')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show pytest''s own output as well')
            [CompletionResult]::new('--no-warm', '--no-warm', [CompletionResultType]::ParameterName, 'Run every check in a fresh interpreter instead of a warm worker (slower)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'pyroad;dev;new' {
            [CompletionResult]::new('--path', '--path', [CompletionResultType]::ParameterName, 'The curriculum folder')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Use the workspace in DIR instead of searching upward from the current folder')
            [CompletionResult]::new('--exercises', '--exercises', [CompletionResultType]::ParameterName, 'Use the curriculum in PATH instead of the one built into pyroad')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'pyroad;dev;help' {
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Lint a curriculum and prove every solution passes and every stub fails')
            [CompletionResult]::new('mutants', 'mutants', [CompletionResultType]::ParameterValue, 'Mutate every reference solution (swapped comparisons, constants off by one, removed statements...) and prove the tests fail on each mutant; exit 1 on any survivor not listed in `equivalent_mutants`, or a stale entry there')
            [CompletionResult]::new('new', 'new', [CompletionResultType]::ParameterValue, 'Scaffold a new exercise that fails until it is written')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'pyroad;dev;help;check' {
            break
        }
        'pyroad;dev;help;mutants' {
            break
        }
        'pyroad;dev;help;new' {
            break
        }
        'pyroad;dev;help;help' {
            break
        }
        'pyroad;help' {
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create a workspace (and a virtual environment with pytest if needed)')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Check one exercise (default: the first unsolved one). Exits 0 on a pass, 1 on a fail, 3 when it was skipped (a package, a program or a newer Python it needs is missing)')
            [CompletionResult]::new('watch', 'watch', [CompletionResultType]::ParameterValue, 'Re-check the current exercise on every save; move on when it passes')
            [CompletionResult]::new('hint', 'hint', [CompletionResultType]::ParameterValue, 'Show the next hint for an exercise (default: the first unsolved one)')
            [CompletionResult]::new('progress', 'progress', [CompletionResultType]::ParameterValue, 'Show progress across all 16 roadmap topics')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List exercises with their status')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Restore an exercise''s original files (your version is kept in .pyroad/backups/)')
            [CompletionResult]::new('solution', 'solution', [CompletionResultType]::ParameterValue, 'Show an exercise''s reference solution (once you have passed it)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check every exercise in parallel and report (exit 0 only when all pass)')
            [CompletionResult]::new('grade', 'grade', [CompletionResultType]::ParameterValue, 'Grade a class: every student''s submission (a folder or .zip / .tar.gz each) checked, hidden tests included, into grades.csv, grades.json and feedback/<student>.md. Exits 0 when every submission could be graded, 1 when one could not (a broken archive, say)')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check the interpreter, pytest, the sandbox and the extras')
            [CompletionResult]::new('setup', 'setup', [CompletionResultType]::ParameterValue, 'Make sure the workspace''s virtual environment exists (and has every extra)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('dev', 'dev', [CompletionResultType]::ParameterValue, 'Tools for curriculum authors')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'pyroad;help;init' {
            break
        }
        'pyroad;help;run' {
            break
        }
        'pyroad;help;watch' {
            break
        }
        'pyroad;help;hint' {
            break
        }
        'pyroad;help;progress' {
            break
        }
        'pyroad;help;list' {
            break
        }
        'pyroad;help;reset' {
            break
        }
        'pyroad;help;solution' {
            break
        }
        'pyroad;help;verify' {
            break
        }
        'pyroad;help;grade' {
            [CompletionResult]::new('merge', 'merge', [CompletionResultType]::ParameterValue, 'Join the output folders of `grade --shard K/N` runs into one gradebook')
            break
        }
        'pyroad;help;grade;merge' {
            break
        }
        'pyroad;help;doctor' {
            break
        }
        'pyroad;help;setup' {
            break
        }
        'pyroad;help;completions' {
            break
        }
        'pyroad;help;dev' {
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Lint a curriculum and prove every solution passes and every stub fails')
            [CompletionResult]::new('mutants', 'mutants', [CompletionResultType]::ParameterValue, 'Mutate every reference solution (swapped comparisons, constants off by one, removed statements...) and prove the tests fail on each mutant; exit 1 on any survivor not listed in `equivalent_mutants`, or a stale entry there')
            [CompletionResult]::new('new', 'new', [CompletionResultType]::ParameterValue, 'Scaffold a new exercise that fails until it is written')
            break
        }
        'pyroad;help;dev;check' {
            break
        }
        'pyroad;help;dev;mutants' {
            break
        }
        'pyroad;help;dev;new' {
            break
        }
        'pyroad;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
