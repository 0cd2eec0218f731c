/* namecase — a profession's name as the register writes it.
 *
 * The register owns its names (column 2): they start from the classifier's
 * but the classifier is typed in capitals ("МЕДИЦИНСКИЙ МАССАЖИСТ") and the
 * register is written in ordinary case.  namecase_offer turns a name in
 * capitals into the form a clerk is offered to accept; namecase_same says
 * whether two names are the same words, which is how the register's name is
 * compared with the classifier's and with an imported file's. */
#ifndef TZ_NAMECASE_H
#define TZ_NAMECASE_H

/* A name in capitals in sentence case, in lang's casing ("kk" or "ru"): the
 * first letter capital, the rest lower, except words that are written in
 * capitals inside a name: the known abbreviations of the language ("ЭВМ",
 * "ИКТ", "ЖОО"; written as the list spells them: "ТиПО"), words in Latin
 * letters ("WEB", "IT") and words with digits ("3D").  A Latin letter typed
 * inside a Cyrillic word ("МАШИНИСI") is read as the Cyrillic letter it looks
 * like.  Runs of white space become one space, and the ends are trimmed.  A
 * name that is not mostly in capitals is already in ordinary case and is
 * only so trimmed.  malloc'd; NULL on bad UTF-8 or no memory. */
char *namecase_offer(const char *lang, const char *s);

/* 1 if a and b are the same name but for case (folded the ICU way), white
 * space, and Latin letters typed for their Cyrillic look-alikes. */
int namecase_same(const char *a, const char *b);

#endif
