# Messages shared by the reader and the command line.
# Numbers given to a message are written the language's way by the
# program (36,756 / 36.756); years are passed as text.

lang-name = English
# Used by the tests of the message machinery itself.
test-count = { $count } { $count ->
    [one] woman
   *[other] women
}

# Units: the word after a number ($n picks singular or plural).
unit-city = { $n ->
    [one] city
   *[other] cities
}
unit-country = { $n ->
    [one] country
   *[other] countries
}
unit-report = { $n ->
    [one] report
   *[other] reports
}
unit-word = { $n ->
    [one] word
   *[other] words
}
unit-minute = { $n ->
   *[other] min
}
unit-hit = { $n ->
    [one] hit
   *[other] hits
}
unit-heading = { $n ->
    [one] heading
   *[other] headings
}
unit-figure = { $n ->
    [one] figure
   *[other] figures
}
unit-character = { $n ->
    [one] character
   *[other] characters
}
unit-problem = { $n ->
    [one] problem
   *[other] problems
}
unit-round = { $n ->
    [one] admission round
   *[other] admission rounds
}
unit-event = { $n ->
    [one] timeline event
   *[other] timeline events
}
unit-source = { $n ->
    [one] source link
   *[other] source links
}
unit-block = { $n ->
    [one] body block
   *[other] body blocks
}
