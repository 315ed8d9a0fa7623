## The cache of parsed corpora ($XDG_CACHE_HOME/learncity).

cache-cannot-write = cannot keep a cache in { $dir } ({ $reason }): working without one
cache-damaged = the cache file { $file } was damaged: removed; it is rebuilt on the next run
cache-cannot-read = cannot read the cache directory { $dir }: { $reason }
cache-cannot-clear = cannot clear the cache directory { $dir }: { $reason }
cache-info-dir = { $dir }: { $files ->
    [0] no cache files
    [one] one file, { $size }
   *[other] { $files } files, { $size }
}
cache-info-off = the cache is off for this run (--no-cache or LEARNCITY_CACHE=off)
cache-info-file = { $file }  { $size }  { $state }  { $source }
cache-state-current = current
cache-state-stale = stale: the corpus file changed
cache-state-gone = the corpus file is gone
cache-state-version = made by learncity { $version }: rebuilt on next use
cache-state-truncated = cut short: rebuilt on next use
cache-state-damaged = damaged: rebuilt on next use
cache-cleared = { $dir }: { $files ->
    [0] nothing to remove
    [one] one file removed
   *[other] { $files } files removed
} ({ $size })
