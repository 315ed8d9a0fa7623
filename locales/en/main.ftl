# Messages shared by the reader and the command line.
# Numbers given to a message are written the language's way by the
# program (36,756 / 36.756); years are passed as text.

lang-name = English
# Used by the tests of the message machinery itself.
test-count = { $count } { $count ->
    [one] woman
   *[other] women
}
