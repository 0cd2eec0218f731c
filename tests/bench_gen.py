#!/usr/bin/python3
"""Synthetic, deterministic data for `make bench`: a classifier (CSV and XLSX)
and a register in the Appendix layout (a Kazakh and a Russian CSV).

    bench_gen.py DB TEMPLATE_KK TEMPLATE_RU OUTDIR OCCUPATIONS ROWS

DB is an initialised database: the bodies' names and the levels are read from
it, so that every row names reference data the program knows.  TEMPLATE_KK/RU
are the program's own exports (any register): their heading rows and section
titles are copied, so the files read as the program's Appendix layout does.
Writes OUTDIR/nkz.csv, nkz.xlsx, reg-kk.csv, reg-ru.csv.  The same arguments
always give the same bytes (one seeded generator, no clock)."""

import csv
import os
import random
import re
import sqlite3
import sys

KK_NOUNS = ["слесарь", "механик", "оператор", "жөндеуші", "құрастырушы", "мұғалім",
            "дәрігер", "аспаз", "жүргізуші", "электрик", "дәнекерлеуші", "бақылаушы",
            "технолог", "инженер", "шебер", "зертханашы", "ұста", "тігінші",
            "бағбан", "күзетші", "мейіргер", "кассир", "сатушы", "өлшеуші", "қоймашы"]
RU_NOUNS = ["слесарь", "механик", "оператор", "ремонтник", "сборщик", "учитель",
            "врач", "повар", "водитель", "электрик", "сварщик", "контролёр",
            "технолог", "инженер", "мастер", "лаборант", "плотник", "швея",
            "садовник", "охранник", "медсестра", "кассир", "продавец", "замерщик", "кладовщик"]
KK_SYL = ["қа", "ра", "мұ", "ғә", "лі", "ше", "бі", "ор", "ұн", "ең", "сө", "жү", "тө",
          "ық", "ай", "ну", "ке", "лә", "үр", "зы", "ім", "ің", "һа", "де"]
RU_SYL = ["ка", "ро", "му", "ги", "ли", "ше", "бе", "ор", "ун", "ен", "со", "жу", "то",
          "ык", "ай", "ну", "ке", "ля", "юр", "зы", "им", "ин", "ха", "де"]
KK_BASIS = ["«{}» Қазақстан Республикасының Заңы", "«{}» кәсіптік стандарты",
            "«{}» біліктілік талаптары"]
RU_BASIS = ["Закон Республики Казахстан «{}»", "Профессиональный стандарт «{}»",
            "Квалификационные требования «{}»"]


def word(rng, syl):
    return "".join(rng.choice(syl) for _ in range(rng.randint(2, 4)))


def years_ru(n):
    if n % 10 == 1 and n % 100 != 11:
        return f"{n} год"
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return f"{n} года"
    return f"{n} лет"


def occupations(n):
    """n occupation codes NNNN-N-NNN under a full hierarchy of groups, and
    the groups themselves, in parent-first order: (code, level, parent)."""
    groups, occ = [], []
    for major in range(1, 10):
        groups.append((str(major), 1, ""))
        for sub in range(1, 10):
            c2 = f"{major}{sub}"
            groups.append((c2, 2, str(major)))
            for minor in range(1, 10):
                c3 = f"{c2}{minor}"
                groups.append((c3, 3, c2))
                for unit in range(1, 10):
                    c4 = f"{c3}{unit}"
                    groups.append((c4, 4, c3))
                    for og in (1, 2):
                        c5 = f"{c4}-{og}"
                        groups.append((c5, 5, c4))
                        for k in range(1, 41):
                            occ.append((f"{c5}-{k:03d}", 6, c5))
                            if len(occ) == n:
                                return groups, occ
    raise SystemExit("bench_gen: too many occupations asked for")


def template(path):
    """Heading rows (the first two) and the two section titles of an export."""
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    titles = [r for r in rows[2:] if r and not re.match(r"^\d+\.?$", r[0].strip())]
    return rows[:2], titles[:2]


def main():
    db, tkk, tru, out, n_occ, n_rows = sys.argv[1:7]
    n_occ, n_rows = int(n_occ), int(n_rows)
    rng = random.Random(399)
    con = sqlite3.connect(db)
    bodies = con.execute("SELECT name_kk, name_ru FROM body WHERE authorized = 0 ORDER BY id").fetchall()
    levels = [r[0] for r in con.execute("SELECT code FROM nrk_level WHERE code = CAST(base AS TEXT) ORDER BY base")]
    con.close()
    os.makedirs(out, exist_ok=True)

    groups, occ = occupations(n_occ)
    names = {}
    for code, _lv, _p in groups + occ:
        i = rng.randrange(len(KK_NOUNS))
        w = rng.randrange(1 << 30)
        r2 = random.Random(w)
        kk = f"{KK_NOUNS[i]} {word(r2, KK_SYL)} {word(r2, KK_SYL)}"
        r2 = random.Random(w)
        ru = f"{RU_NOUNS[i]} {word(r2, RU_SYL)} {word(r2, RU_SYL)}"
        names[code] = (kk[0].upper() + kk[1:], ru[0].upper() + ru[1:])

    with open(os.path.join(out, "nkz.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(["code", "level", "parent_code", "name_ru", "name_kz"])
        for code, lv, parent in groups + occ:
            w.writerow([code, lv, parent, names[code][1], names[code][0]])

    from openpyxl import Workbook  # python3-openpyxl, installed by make deps
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("NKZ")
    ws.append(["code", "level", "parent_code", "name_ru", "name_kz"])
    for code, lv, parent in groups + occ:
        ws.append([code, lv, parent, names[code][1], names[code][0]])
    wb.save(os.path.join(out, "nkz.xlsx"))

    # One row per (occupation, level): as many levels per occupation as it
    # takes to reach n_rows; the first 30% of the codes are mandatory.
    per = max(1, -(-n_rows // len(occ)))
    rows = []
    for i, (code, _lv, _p) in enumerate(occ):
        base = rng.randrange(1, 8 - per + 2) if per < 8 else 1
        b = bodies[rng.randrange(len(bodies))]
        section = 0 if i < len(occ) * 3 // 10 else 1
        topic = rng.randrange(len(KK_BASIS))
        tw = rng.randrange(1 << 30)
        validity = rng.choice([0, 1, 3, 5, 5, 10])
        profile = rng.choice(["t", "sg"])
        for k in range(per):
            if len(rows) == n_rows:
                break
            rows.append((section, code, levels[(base - 1 + k) % len(levels)], b, topic, tw,
                         validity, profile))

    for lang, tpl in (("kk", tkk), ("ru", tru)):
        head, titles = template(tpl)
        li = 0 if lang == "kk" else 1
        with open(os.path.join(out, f"reg-{lang}.csv"), "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\r\n")
            w.writerows(head)
            for s in (0, 1):
                w.writerow(titles[s])
                num = 0
                for section, code, level, b, topic, tw, validity, profile in rows:
                    if section != s:
                        continue
                    num += 1
                    r2 = random.Random(tw)
                    subject = word(r2, KK_SYL if li == 0 else RU_SYL)
                    basis = (KK_BASIS if li == 0 else RU_BASIS)[topic].format(subject)
                    if validity == 0:
                        val = "мерзімсіз" if li == 0 else "бессрочно"
                    else:
                        val = f"{validity} жыл" if li == 0 else years_ru(validity)
                    prof = "т" if profile == "t" else ("әг" if li == 0 else "сг")
                    w.writerow([f"{num}.", names[code][li], code, basis, level, val, b[li], prof])


if __name__ == "__main__":
    main()
