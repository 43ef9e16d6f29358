/** Help texts of `canary-judge` (kept in step with docs/cli.md by a test). */

export const MAIN_USAGE = `Usage: canary-judge <command> [options]

Judge a canary release against its baseline: pass, marginal or fail.

Commands:
  judge      judge data against a config and print the report
  demo       judge the bundled demo scenarios (what \`npm run demo\` runs)
  validate   check a judge config and print every problem with its JSON path
  kayenta    convert a Kayenta canary config to a canary-judge config

Run \`canary-judge <command> --help\` for a command's options.

Exit codes:
  0 pass   1 fail   2 marginal   3 no verdict possible (no SLI could be judged)
  64 usage error   65 bad input data   66 missing input file   70 internal error   73 cannot write output

Options:
  -h, --help     show help
  -v, --version  show the version
`;

export const JUDGE_USAGE = `Usage: canary-judge judge [--config CONFIG] --data DATA... [options]
       canary-judge judge [--config CONFIG] --baseline FILE --canary FILE [--sli NAME] [options]

Judges the data against the config and prints the report.

Inputs:
  -c, --config FILE        judge config (JSON); without it, every SLI of the data is judged with the defaults
                           (one SLI per name: counts get the rate test, samples Mann-Whitney), noted on stderr
  -d, --data DATA          data, may be repeated; every SLI may come from one input only. DATA is
                             FILE              JSON { "<sli>": { "baseline": ..., "canary": ... } } or long-form
                                               CSV (sli,side,timestamp,value): many SLIs
                             NAME=FILE         one SLI's data: a Prometheus query_range response split by
                                               --side-label, CSV with a side column, JSON { baseline, canary }
                             NAME.events=FILE  with NAME.total=FILE: errors and requests per interval (two
                                               query_range responses), paired into the counts of a rate SLI
  -b, --baseline FILE      baseline of a single SLI: CSV (value | timestamp,value | events,total), JSON or a
                           Prometheus query_range response; "-" reads standard input
  -k, --canary FILE        canary of the same SLI
  -s, --sli NAME           the SLI of --baseline/--canary, or of an unnamed one-SLI --data FILE
                           (default: the config's only SLI, or "value")
      --side-label LABEL   Prometheus: the series label that tells baseline from canary
      --baseline-value V   value of that label on baseline series (default "baseline")
      --canary-value V     value of that label on canary series (default "canary")

Output:
  -f, --format FORMAT      text (default), json, markdown or html
  -o, --output FILE        write the report to FILE (atomically) instead of standard output
  -q, --quiet              print nothing on standard output and no notes on standard error; only the exit code
      --color, --no-color  force colour on or off (default: on when standard output is a terminal and NO_COLOR is unset)

Exit codes: 0 pass, 1 fail, 2 marginal, 3 no verdict possible, 64 usage, 65 bad input, 66 missing file, 73 cannot write.
`;

export const DEMO_USAGE = `Usage: canary-judge demo [options]

Judges every bundled demo scenario (seeded synthetic canaries and real NAB series) and prints each report
with the verdict the scenario expects.

Options:
      --scenario ID        judge only this scenario (may be repeated)
      --list               list the scenarios and exit
  -f, --format FORMAT      text (default), json, markdown or html (one page for all scenarios)
  -o, --output FILE        write to FILE (atomically) instead of standard output
  -q, --quiet              print nothing; only the exit code
      --color, --no-color  force colour on or off

Exit codes: 0 every scenario gave its expected verdict, 1 some did not, 64 usage (unknown scenario).
`;

export const VALIDATE_USAGE = `Usage: canary-judge validate CONFIG [options]

Checks a judge config and prints every problem with its place: file:line:column and JSON path.

Options:
  -f, --format FORMAT   text (default) or json
  -q, --quiet           print nothing; only the exit code

Exit codes: 0 valid, 65 invalid (or not JSON), 66 missing file, 64 usage.
`;

export const KAYENTA_USAGE = `Usage: canary-judge kayenta KAYENTA_CONFIG --pass SCORE --marginal SCORE [options]

Converts a Kayenta (Spinnaker) canary config to a canary-judge config that reproduces NetflixACAJudge.
Kayenta keeps score thresholds in the execution request, not in the config, so they are required here.

Options:
      --pass SCORE         score needed to pass, 0-100 (Kayenta's scoreThresholds.pass)
      --marginal SCORE     score needed to be marginal, 0-100 (scoreThresholds.marginal)
      --tolerance T        Kayenta's tolerance (default 0.25)
      --confidence C       confidence level of the Mann-Whitney interval (default 0.98)
  -o, --output FILE        write the config to FILE (atomically) instead of standard output
  -q, --quiet              print nothing on standard output

Exit codes: 0 converted, 64 usage, 65 invalid Kayenta config, 66 missing file, 73 cannot write.
`;
