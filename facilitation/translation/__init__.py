"""The translator's link (#30): a bilingual volunteer adds a line in the event's language under any post written
in another (a dream, a deed, a question, a market post or agreement, a table's contribution or advice card, a
word-cloud answer, a rating's comment, a check-in's line). The screens show it beneath the original; the themes
and the report read it."""
