# What the reader keeps between sessions (marks, places, searches): why
# it cannot, and what happened to a state file that could not be used.

state-no-home = no home directory ($HOME is not set)
state-no-state-dir = this system has no state directory
# $reason: the system's; $dir: the state directory.
state-not-saved = marks are not being saved: { $reason } ({ $dir })
# $why: state-not-valid, state-newer or the system's reason.
state-moved-aside = your marks could not be read ({ $why }); started afresh, the old file is { $file }
state-not-moved-aside = your marks could not be read ({ $why }), nor moved aside ({ $reason }); started afresh
state-not-valid = not valid: { $reason }
# $version, $reads: the state file's format numbers.
state-newer = written by a newer learncity (format { $version }; this one reads { $reads })
state-busy = another learncity was saving; skipped
