# Problems with a corpus file, as validate and the loader report them.
# Each is printed after its place: `file:line:column: message` or
# `file: path: message`. Ids, values and dates come with their quotes
# ($id is "ankara", quotes included); field names, JSON paths and the
# values the format takes ("confirmed", "heading") stay as written.
# Years, line numbers and offsets are passed as text (never grouped).
# A number is bound to its word by a no-break space (U+00A0).

error-more-problems = … and { $n } more { $n ->
    [one] problem
   *[other] problems
}

## What was expected, what was found: the kinds of JSON values.

json-object = an object
json-array = an array
json-string = a string
json-boolean = a boolean
json-number = a number
json-schema-number = a whole number from 1
json-year = a whole number or null
json-count = a whole number from 0, or null

error-expected = expected { $expected }, found { $found }
error-top-level = expected a JSON object at the top level, found { $found }

## Fields and ids.

error-missing-field = missing required field
# $newest: the newest schema this program reads.
error-schema-missing = missing required field (this program reads schemas 1 and { $newest })
error-schema-newer = schema { $version } is newer than this program understands ({ $newest }); update learncity
error-empty = must not be empty
error-unknown-city = no city with id { $id }
error-unknown-city-suggest = no city with id { $id }; did you mean { $suggestion }?
error-id-space = { $id } contains a space; ids are single words
error-id-dash = { $id } starts with '-', which the command line would read as an option; start it with a letter or digit
error-id-is-city = { $id } is also a city's id; ids must be unique across cities and articles
# $other: where the id was first seen, such as cities[0].
error-id-duplicate = duplicate id { $id } (also { $other })
error-unknown-status = unknown status { $status }; expected "confirmed", "single-source" or "disputed"
error-degrees = { $value } is not between -{ $limit } and { $limit } degrees
error-body-empty = must have at least one block
error-unknown-block-kind = unknown block kind { $kind }; expected "heading", "paragraph" or "quote"
error-quote-not-in-body = does not occur in the article's body; quote the sentence exactly
error-figure-too-large = { $value } is too large for a figure

## Years and dates.

error-joined-early = { $year } is before { $first }, when the network was founded
error-joined-future = { $year } is in the future (it is { $now })
error-date-form = { $date } is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD
error-date-month = { $date } has no month { $month }
error-date-day = { $date } has no day { $day } in that month

## The file: reading, size, encoding.

error-cannot-open = cannot open: { $reason }
error-cannot-read = cannot read: { $reason }
error-is-directory = is a directory, not a corpus file
error-larger-than-limit = larger than the { $limit } limit (stopped reading after { $limit }); a corpus is one JSON file
error-too-large = file is too large ({ $size }); the limit is { $limit }
# A size below 1 KiB; larger ones are written 1.5 KiB, 1.0 GiB.
error-bytes = { $n } { $n ->
    [one] byte
   *[other] bytes
}
# $byte: two hexadecimal digits; $offset: from the start of the file.
error-not-utf8 = not valid UTF-8 (byte 0x{ $byte } at offset { $offset }); save the file as UTF-8
error-file-empty = file is empty; expected a JSON corpus (see docs/corpus-format.md)
error-nested = nested more than { $max } levels deep

## Limits of size in memory (docs/corpus-format.md, "Limits").

# $items: a count with its unit ("6,000,000 timeline events"); $need,
# $allowed, $size: amounts of memory and of file (96.0 MiB).
error-too-many-items = too many small items for its size: { $items } would need about { $need } of memory, more than the { $allowed } allowed for a file of { $size }; learncity refuses such a corpus
# $corpus, $index: amounts of memory; $words: the distinct words the index
# had when it stopped, with their unit ("1,585,154 words").
error-index-too-large = too large for its size once indexed: the corpus takes about { $corpus } of memory and its search index more than { $index } ({ $words } and counting), more than the { $allowed } allowed for a file of { $size }; learncity refuses such a corpus
# $n: a count with its unit ("9,000,000 source links"); $max: a number.
error-list-too-long = { $n } in one list; at most { $max } are allowed

## JSON syntax.

error-ends-in-array = the file ends inside an array (a `]` is missing)
error-ends-in-object = the file ends inside an object (a `{ "}" }` is missing)
error-ends-in-string = the file ends inside a string (a `"` is missing)
error-ends-early = the file ends where a value was expected
# $escape: the escape as written, such as \ud800.
error-unpaired-surrogate = unpaired surrogate { $escape }; a \uD800–\uDBFF escape must be followed by a \uDC00–\uDFFF one
error-unpaired-surrogate-somewhere = unpaired surrogate in a \u escape
json-expected-colon = expected `:`
json-expected-comma-or-bracket = expected `,` or `]`
json-expected-comma-or-brace = expected `,` or `{ "}" }`
json-expected-ident = expected ident
json-expected-value = expected value
json-expected-quote = expected `"`
json-invalid-escape = invalid escape
json-invalid-number = invalid number
json-number-out-of-range = number out of range
json-invalid-code-point = invalid unicode code point
json-control-character = control character (\u0000-\u001F) found while parsing a string
json-key-not-string = key must be a string
json-trailing-comma = trailing comma
json-trailing-characters = trailing characters
json-recursion-limit = recursion limit exceeded
json-duplicate-field = duplicate field `{ $field }`
# A JSON error in another file (the state file), with its place.
json-at = { $reason } at line { $line } column { $column }

## The system's reasons for a failed read or write (errno).

io-not-found = No such file or directory
io-permission-denied = Permission denied
io-not-permitted = Operation not permitted
io-not-a-directory = Not a directory
io-is-a-directory = Is a directory
io-no-space = No space left on device
io-read-only = Read-only file system
io-exists = File exists
io-not-empty = Directory not empty
io-io = Input/output error
io-loop = Too many levels of symbolic links
io-name-too-long = File name too long
io-too-many-open = Too many open files
io-file-too-large = File too large
io-quota = Disk quota exceeded
io-busy = Device or resource busy
io-no-device = No such device or address
io-invalid = Invalid argument
io-no-memory = Cannot allocate memory
io-again = Resource temporarily unavailable
io-broken-pipe = Broken pipe
