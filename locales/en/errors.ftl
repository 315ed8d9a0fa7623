# Problems with a corpus file, as validate and the loader report them.

error-more-problems = … and { $n } more { $n ->
    [one] problem
   *[other] problems
}
