-- The working-day calendar (SPEC §1): the yearly holiday rules, then the dated
-- overrides of 2025-2027.  A clerk edits both; the rules hold for any year, the
-- overrides carry what the rules cannot know (movable feasts, decrees).
--
-- moves = 1: a holiday on a Saturday or Sunday makes the next working day a day
-- off (Labour Code, art. 85).  7 January is a religious holiday and never moves.
INSERT INTO holiday_rule (month, day, moves, from_year, to_year, name_kk, name_ru) VALUES
  (1,  1, 1, NULL, NULL, 'Жаңа жыл', 'Новый год'),
  (1,  2, 1, NULL, NULL, 'Жаңа жыл', 'Новый год'),
  (1,  7, 0, NULL, NULL, 'Православиелік Рождество', 'Православное Рождество'),
  (3,  8, 1, NULL, NULL, 'Халықаралық әйелдер күні', 'Международный женский день'),
  -- Constitution Day moves from 30 August to 15 March with the new Constitution;
  -- the SPEC pairs the end of one with the start of the other.
  (3, 15, 1, 2027, NULL, 'Конституция күні', 'День Конституции'),
  (3, 21, 1, NULL, NULL, 'Наурыз мейрамы', 'Наурыз мейрамы'),
  (3, 22, 1, NULL, NULL, 'Наурыз мейрамы', 'Наурыз мейрамы'),
  (3, 23, 1, NULL, NULL, 'Наурыз мейрамы', 'Наурыз мейрамы'),
  (5,  1, 1, NULL, NULL, 'Қазақстан халқының бірлігі мерекесі', 'Праздник единства народа Казахстана'),
  (5,  7, 1, NULL, NULL, 'Отан қорғаушы күні', 'День защитника Отечества'),
  (5,  9, 1, NULL, NULL, 'Жеңіс күні', 'День Победы'),
  (7,  6, 1, NULL, NULL, 'Астана күні', 'День столицы'),
  (8, 30, 1, NULL, 2026, 'Конституция күні', 'День Конституции'),
  (10, 25, 1, NULL, NULL, 'Республика күні', 'День Республики'),
  (12, 16, 1, NULL, NULL, 'Тәуелсіздік күні', 'День Независимости');

-- Kurban ait's first day follows the lunar calendar: fixed each year by the
-- government, a public holiday that never moves.
INSERT INTO calendar_day (date, kind, note_kk, note_ru) VALUES
  ('2025-01-03', 'off',    '5 қаңтардан ауыстырылған демалыс күні', 'Выходной день, перенесённый с 5 января'),
  ('2025-01-05', 'work',   '3 қаңтардағы демалыс күнінің орнына жұмыс күні', 'Рабочий день вместо выходного 3 января'),
  ('2025-06-06', 'holiday', 'Құрбан айт', 'Курбан айт'),
  ('2026-05-27', 'holiday', 'Құрбан айт', 'Курбан айт'),
  -- Falls on a Sunday; cancelled, so Monday 31 August is a working day.
  ('2026-08-30', 'nothol', 'Конституция күні мереке күні болудан қалды', 'День Конституции больше не праздничный день'),
  ('2027-05-16', 'holiday', 'Құрбан айт', 'Курбан айт');
