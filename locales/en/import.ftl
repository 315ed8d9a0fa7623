# learncity import: a plain-text news article added to a corpus file as a
# report (src/cli/import.rs, rules in src/corpus/import.rs).

cli-import-about = Add a plain-text news article to a corpus file as a report
cli-import-after = The first line of the text is the title (unless --title is given). Each line is a block when some line is longer than 100 characters (text copied from a web page); otherwise the lines between blank lines are joined into one block (text wrapped by hand). A block of at most 80 characters that does not end like a sentence (. ! ? : ; …) is a heading; one that opens with a quote mark is a quote; the rest are paragraphs. The whole new corpus is checked before it is written; the previous file is kept as CORPUS.bak. Exits 2, writing nothing, on any problem.
cli-import-arg-file = The article: a UTF-8 text file, or - for standard input
cli-import-arg-city = The id of the city the report is about; it must be a city of the --into corpus
cli-import-arg-into = The corpus file to add the report to; it must exist, and is rewritten whole (pretty-printed JSON, everything else in it kept)
cli-import-arg-title = The report's title; the text's first line is then part of the body
cli-import-arg-source = The web address of the original article (http:// or https://)
cli-import-arg-source-name = The name of the publisher, e.g. Habertürk
cli-import-arg-published = The publication date: YYYY, YYYY-MM or YYYY-MM-DD
cli-import-arg-report-lang = The language the article is written in (default: tr). Not --lang: that flag chooses the language of the interface
cli-import-arg-summary = A short summary of the report; without it the report has none (none is made up)
cli-import-arg-id = The report's id (default: the city's id and the first words of the title, Turkish letters folded, at most 60 characters: ankara-belmek-basarisi-…)
cli-import-arg-replace = If a report has the same id, replace it (in its place) instead of refusing
cli-import-arg-dry-run = Print the new report as JSON and write nothing

import-added = Added the report "{ $id }" ({ $blocks } { $blocks ->
    [one] block
   *[other] blocks
    }) to { $file }; the previous version is kept as { $backup }.
import-replaced = Replaced the report "{ $id }" of { $file } with the new text ({ $blocks } { $blocks ->
    [one] block
   *[other] blocks
    }); the previous version is kept as { $backup }.
import-figures-dropped = The report it replaced had { $n } { $n ->
    [one] figure; it went
   *[other] figures; they went
    } with the old text (the previous version still has them).
import-dry-run = nothing was written (--dry-run)
import-stdin = standard input

import-error-data = import writes to the corpus named by --into; leave out --data
import-error-title-empty = --title is empty
import-error-id-empty = --id is empty
import-error-date = --published "{ $date }" is not a date: write YYYY, YYYY-MM or YYYY-MM-DD, with a day that exists
import-error-source = --source "{ $url }" is not a web address starting with http:// or https://; the publisher's name goes in --source-name
import-error-lang = --report-lang "{ $lang }" is not a language code such as tr or en
import-error-read = cannot read { $file }: { $reason }
import-error-too-large = { $file } is larger than { $limit }
import-error-not-utf8 = { $file } is not UTF-8 text (byte { $byte } at offset { $offset }, line { $line }, column { $column }); save it as UTF-8
import-error-empty = { $file } holds no text
import-error-no-body = { $file } holds only a title line; a report needs text after it
import-error-into-missing = { $file } does not exist; import adds reports to an existing corpus (start from a copy of data/corpus.json)
import-error-unknown-city = { $file } has no city with id "{ $city }"
import-error-did-you-mean = did you mean "{ $id }"?
import-error-no-slug = cannot make an id from the title "{ $title }"; give one with --id
import-error-exists = { $file } already has a report with id "{ $id }"; --replace replaces it, --id gives the new one another id
import-error-no-articles = { $file } has no "articles" array
import-error-parse = cannot handle { $file } as JSON: { $reason }
import-error-invalid = with this report { $file } would not be a valid corpus, so nothing was written ({ $n } { $n ->
    [one] problem
   *[other] problems
    }):
import-error-write = cannot write { $file }: { $reason }; it is unchanged
import-error-sync = { $file } was written, but the system could not confirm that it is on disk ({ $reason })
