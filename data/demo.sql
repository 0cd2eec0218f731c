-- The demo register: loaded only into the demo database (init --demo, and the
-- default database on first start), after reference.sql and the calendar, in
-- one transaction.  It is small but shaped like the real thing, so a new user
-- can try every screen: both sections, professions over several levels,
-- several bodies, fixed and unlimited validity, both profiles, a published
-- version and a draft that differs from it.
--
-- Occupation names and codes follow the structure of НК РК 01-2017 (ISCO-08
-- based).  A real classifier imported later replaces these entries.  The
-- occupations the register rows name are written as the classifier names
-- them (in ordinary case, as the register writes them), so that `check`
-- finds nothing to report once the real classifier is imported: 7212-1-008
-- is the welder (the electric gas welder is another code), 5141-1-002 the
-- hairdresser (5141-1-001 is the hairdresser's assistant), 5120-9-005 the
-- cook, 8343-1-001 the crane operator, 8343-2-009 the slinger; 8111 holds
-- drilling machine operators, so the electrician 7411-0-008 stands where
-- an underground miner was.

-- Classifier entries: each occupation and every group above it.  The level
-- and the parent follow from the code's shape, so they are derived here
-- rather than typed, and cannot disagree with the code.
CREATE TEMP TABLE demo_nkz (code TEXT PRIMARY KEY, name_kk TEXT, name_ru TEXT);
INSERT INTO temp.demo_nkz (code, name_kk, name_ru) VALUES
-- major groups
('2', 'Кәсіби мамандар', 'Специалисты-профессионалы'),
('3', 'Техник-мамандар және басқа да көмекші кәсіби персонал',
      'Специалисты-техники и иной вспомогательный профессиональный персонал'),
('5', 'Қызмет көрсету және сауда саласының, азаматтар мен меншікті күзету қызметкерлері',
      'Работники сферы обслуживания и торговли, охраны граждан и собственности'),
('7', 'Өнеркәсіптің, құрылыстың, көліктің білікті жұмысшылары және соларға ұқсас кәсіптердің жұмысшылары',
      'Квалифицированные рабочие промышленности, строительства, транспорта и рабочие родственных занятий'),
('8', 'Өндірістік қондырғылар мен машиналардың операторлары, құрастырушылар және жүргізушілер',
      'Операторы производственных установок и машин, сборщики и водители'),
-- sub-major groups
('23', 'Білім беру саласындағы кәсіби мамандар', 'Специалисты-профессионалы в области образования'),
('24', 'Бизнес және әкімшілік басқару саласындағы кәсіби мамандар',
       'Специалисты-профессионалы в сфере бизнеса и администрирования'),
('25', 'Ақпараттық-коммуникациялық технологиялар саласындағы кәсіби мамандар',
       'Специалисты-профессионалы в области информационно-коммуникационных технологий'),
('26', 'Құқық, гуманитарлық салалар және мәдениет саласындағы кәсіби мамандар',
       'Специалисты-профессионалы в области права, гуманитарных наук и культуры'),
('32', 'Денсаулық сақтау саласындағы техник-мамандар', 'Специалисты-техники в области здравоохранения'),
('34', 'Құқық, әлеуметтік жұмыс, мәдениет, спорт және соларға ұқсас салалардағы техник-мамандар',
       'Специалисты-техники в области права, социальной работы, культуры, спорта и в родственных областях'),
('51', 'Жеке қызмет көрсету саласының қызметкерлері', 'Работники сферы индивидуальных услуг'),
('54', 'Азаматтар мен меншікті қорғау және күзет қызметтерінің қызметкерлері',
       'Работники служб защиты и охраны граждан и собственности'),
('72', 'Металл өңдеу мен машина жасаудағы жұмысшылар және соларға ұқсас кәсіптердің жұмысшылары',
       'Рабочие, занятые в металлообработке и машиностроении, и рабочие родственных занятий'),
('74', 'Электр техникасы және электроника саласындағы жұмысшылар',
       'Рабочие в области электротехники и электроники'),
('75', 'Тамақ, ағаш өңдеу, тігін өнеркәсібінің жұмысшылары және соларға ұқсас кәсіптердің жұмысшылары',
       'Рабочие пищевой, деревообрабатывающей, швейной промышленности и рабочие родственных занятий'),
('81', 'Стационарлық қондырғылар мен машиналардың операторлары', 'Операторы стационарных установок и машин'),
('83', 'Жүргізушілер және жылжымалы жабдық операторлары', 'Водители и операторы подвижного оборудования'),
-- minor groups
('234', 'Бастауыш білім беру оқытушылары және мектепке дейінгі ұйымдардың тәрбиешілері',
        'Преподаватели начального образования и воспитатели дошкольных организаций'),
('241', 'Қаржы саласындағы кәсіби мамандар', 'Специалисты-профессионалы в области финансов'),
('251', 'Бағдарламалық қамтамасыз ету мен қосымшаларды әзірлеушілер және талдаушылар',
        'Разработчики и аналитики программного обеспечения и приложений'),
('262', 'Мұрағатшылар, кітапханашылар және соларға ұқсас кәсіптердің мамандары',
        'Архивариусы, библиотекари и специалисты родственных занятий'),
('322', 'Күтім және акушерлік жөніндегі орта медициналық персонал',
        'Средний медицинский персонал по уходу и акушерству'),
('325', 'Басқа да орта медициналық персонал', 'Прочий средний медицинский персонал'),
('342', 'Спорт және фитнес саласындағы қызметкерлер', 'Работники в области спорта и фитнеса'),
('512', 'Аспаздар', 'Повара'),
('513', 'Даяшылар мен бармендер', 'Официанты и бармены'),
('514', 'Шаштараздар, косметологтар және соларға ұқсас кәсіптердің қызметкерлері',
        'Парикмахеры, косметологи и работники родственных занятий'),
('541', 'Қорғау және күзет қызметтерінің қызметкерлері', 'Работники служб защиты и охраны'),
('721', 'Металл қалыптаушылар, дәнекерлеушілер, қаңылтыршылар, металл конструкцияларын монтаждаушылар және соларға ұқсас кәсіптердің жұмысшылары',
        'Формовщики металла, сварщики, жестянщики, монтажники металлоконструкций и рабочие родственных занятий'),
('741', 'Электрика жөніндегі жұмысшылар', 'Рабочие по электрике'),
('751', 'Тамақ өнеркәсібінің жұмысшылары және соларға ұқсас кәсіптердің жұмысшылары',
        'Рабочие пищевой промышленности и рабочие родственных занятий'),
('753', 'Тігін өндірісінің жұмысшылары және соларға ұқсас кәсіптердің жұмысшылары',
        'Рабочие швейного производства и рабочие родственных занятий'),
('818', 'Стационарлық қондырғылар мен машиналардың басқа да операторлары',
        'Прочие операторы стационарных установок и машин'),
('833', 'Жүк автомобильдері мен автобустардың жүргізушілері', 'Водители грузовых автомобилей и автобусов'),
('834', 'Жылжымалы жабдық операторлары', 'Операторы подвижного оборудования'),
-- unit groups
('2342', 'Мектепке дейінгі ұйымдардың тәрбиешілері', 'Воспитатели дошкольных организаций'),
('2411', 'Бухгалтерлер', 'Бухгалтеры'),
('2512', 'Бағдарламалық жасақтаманы, WEB және мультимедиялық қосымшаларды әзірлеушілер және тестілеу жөніндегі мамандар',
        'Разработчики и специалисты по тестированию программного обеспечения, WEB и мультимедийных приложений'),
('2622', 'Кітапханашылар және соларға ұқсас кәсіптердің мамандары', 'Библиотекари и специалисты родственных занятий'),
('3221', 'Күтім жөніндегі орта медициналық персонал', 'Средний медицинский персонал по уходу'),
('3256', 'Фельдшерлер', 'Фельдшеры'),
('3422', 'Жаттықтырушылар, нұсқаушылар және спорт төрешілері', 'Тренеры, инструкторы и спортивные судьи'),
('5120', 'Аспаздар', 'Повара'),
('5131', 'Даяшылар', 'Официанты'),
('5141', 'Шаштаразшылар', 'Парикмахеры'),
('5411', 'Өрт сөндірушілер', 'Пожарные'),
('7212', 'Пісірушілер және газбен кесушілер', 'Сварщики и газорезчики'),
('7215', 'Такелажшылар және қалқаншы-пісірушілер', 'Такелажники и кабельщики-спайщики'),
('7412', 'Электр механиктері және электр жабдығының монтерлері', 'Электромеханики и монтеры электрического оборудования'),
('7512', 'Наубайшылар, кондитерлер және соларға ұқсас кәсіптердің жұмысшылары',
         'Пекари, кондитеры и рабочие родственных занятий'),
('7531', 'Тігіншілер, пішушілер, тоншылар және бас киім тігушілер', 'Портные, закройщики, меховщики и шляпники'),
('7411', 'Электр берілісі желілерінен басқа, электриктер мен электр монтаждаушылар',
         'Электрики и электромонтажники, кроме линий электропередач'),
('8182', 'Бу машиналары мен қазандықтардың операторлары', 'Операторы паровых машин и котлов'),
('8332', 'Жүк автомобильдерінің жүргізушілері', 'Водители грузовых автомобилей'),
('8341', 'Ауыл шаруашылығы және орман шаруашылығы машиналарының операторлары',
         'Операторы сельскохозяйственных и лесохозяйственных машин'),
('8343', 'Крандардың, көтергіштердің, автотиегіштердің және ұқсас құрылғылардың операторлары',
         'Операторы кранов, подъемников, автопогрузчиков и аналогичного оборудования'),
-- occupation groups
('2342-1', 'Тәрбиешілер', 'Воспитатели'),
('2411-1', 'Бухгалтерлер', 'Бухгалтеры'),
('2512-1', 'Бағдарламалық жасақтаманы тестілеу әзірлеушілері',
          'Разработчики и специалисты по тестированию программного обеспечения'),
('2622-1', 'Кітапханашылар', 'Библиотекари'),
('3221-0', 'Күтім жөніндегі орта медициналық персонал', 'Средний медицинский персонал по уходу'),
('3256-1', 'Фельдшерлер', 'Фельдшеры'),
('3422-1', 'Жаттықтырушылар', 'Тренеры'),
('5120-9', 'Б.т.к. басқа аспаздар', 'Другие повара, н.в.д.г.'),
('5131-1', 'Даяшылар', 'Официанты'),
('5141-1', 'Шаштаразшылар', 'Парикмахеры'),
('5411-1', 'Өрт сөндірушілер', 'Пожарные'),
('7212-1', 'Пісірушілер', 'Сварщики'),
('7212-2', 'Газбен кесушілер', 'Газорезчики'),
('7412-1', 'Электр монтерлері', 'Электромонтеры'),
('7512-2', 'Кондитерлер', 'Кондитеры'),
('7531-1', 'Тігіншілер', 'Портные'),
('7411-0', 'Электр берілісі желілерінен басқа, электриктер мен электр монтаждаушылар',
           'Электрики и электромонтажники, кроме линий электропередач'),
('8182-1', 'Қазандық машинистері', 'Машинисты котельных'),
('8332-1', 'Жүк автомобилінің жүргізушілері', 'Водители грузового автомобиля'),
('8341-1', 'Тракторшылар', 'Трактористы'),
('8343-1', 'Краншылар (жалпы бейін)', 'Крановщики (общий профиль)'),
('8343-2', 'Краншылар (порттағы)', 'Крановщики (портовый)'),
-- occupations
('2342-1-001', 'Тәрбиеші', 'Воспитатель'),
('2411-1-001', 'Бухгалтер', 'Бухгалтер'),
('2512-1-002', 'Инженер-программист', 'Инженер-программист'),
('2622-1-001', 'Кітапханашы', 'Библиотекарь'),
('3221-0-004', 'Мейіргер (жалпы бейін)', 'Медицинская(ий) сестра/брат общей практики'),
('3256-1-001', 'Фельдшер', 'Фельдшер'),
('3422-1-002', 'Спорт бойынша жаттықтырушы-оқытушы', 'Тренер-преподаватель по спорту'),
('5120-9-005', 'Аспаз', 'Повар'),
('5131-1-001', 'Даяшы', 'Официант'),
('5141-1-002', 'Шаштаразшы', 'Парикмахер'),
('5411-1-001', 'Өрт сөндіруші', 'Пожарный'),
('7212-1-008', 'Пісіруші', 'Сварщик'),
('7212-2-001', 'Газбен кесуші', 'Газорезчик'),
('7412-1-005', 'Электр жабдығын жөндеу және оған қызмет көрсету жөніндегі электр монтері',
               'Электромонтер по ремонту и обслуживанию электрооборудования'),
('7512-2-001', 'Кондитер', 'Кондитер'),
('7531-1-004', 'Тігінші', 'Портной'),
('7411-0-008', 'Құрылыс электригі', 'Электрик строительный'),
('8182-1-002', 'Қазандық машинисі (от жағушы)', 'Машинист (кочегар) котельной'),
('8332-1-002', 'Жүк көлігінің жүргізушісі', 'Водитель грузового автомобиля'),
('8341-1-002', 'Ауыл шаруашылығы өндірісінің тракторшы-машинисі',
               'Тракторист-машинист сельскохозяйственного производства'),
('8343-1-001', 'Кран машинисі (краншы)', 'Машинист крана (крановщик)'),
('8343-2-009', 'Матаушы', 'Стропальщик');

-- OR IGNORE: where a real classifier was imported first, its entries win and
-- the register rows below take their names from it.
INSERT OR IGNORE INTO nkz (code, level, parent, name_kk, name_ru, fold_kk, fold_ru)
SELECT code,
       CASE length(code) WHEN 1 THEN 1 WHEN 2 THEN 2 WHEN 3 THEN 3
                         WHEN 4 THEN 4 WHEN 6 THEN 5 ELSE 6 END,
       CASE length(code) WHEN 1 THEN NULL WHEN 2 THEN substr(code, 1, 1)
                         WHEN 3 THEN substr(code, 1, 2) WHEN 4 THEN substr(code, 1, 3)
                         WHEN 6 THEN substr(code, 1, 4) ELSE substr(code, 1, 6) END,
       name_kk, name_ru, tz_fold(name_kk), tz_fold(name_ru)
FROM temp.demo_nkz
ORDER BY length(code), code;

-- Column 4.  Mandatory rows cite the act that makes the qualification a
-- condition of practice (cl. 8-1); voluntary rows the professional standard.
CREATE TEMP TABLE demo_basis (key TEXT PRIMARY KEY, kk TEXT, ru TEXT);
INSERT INTO temp.demo_basis (key, kk, ru) VALUES
('civil',  '«Азаматтық қорғау туралы» Қазақстан Республикасының Заңы',
           'Закон Республики Казахстан «О гражданской защите»'),
('power',  '«Электр энергетикасы туралы» Қазақстан Республикасының Заңы',
           'Закон Республики Казахстан «Об электроэнергетике»'),
('road',   '«Автомобиль көлігі туралы» Қазақстан Республикасының Заңы',
           'Закон Республики Казахстан «Об автомобильном транспорте»'),
('subsoil','«Жер қойнауы және жер қойнауын пайдалану туралы» Қазақстан Республикасының Кодексі',
           'Кодекс Республики Казахстан «О недрах и недропользовании»'),
('health', '«Халық денсаулығы және денсаулық сақтау жүйесі туралы» Қазақстан Республикасының Кодексі',
           'Кодекс Республики Казахстан «О здоровье народа и системе здравоохранения»'),
('labour', 'Қазақстан Республикасының Еңбек кодексі', 'Трудовой кодекс Республики Казахстан'),
('weld',   '«Дәнекерлеу өндірісі» кәсіптік стандарты', 'Профессиональный стандарт «Сварочное производство»'),
('cook',   '«Тағам дайындау» кәсіптік стандарты', 'Профессиональный стандарт «Приготовление пищи»'),
('serve',  '«Тамақтандыру қызметтерін көрсету» кәсіптік стандарты',
           'Профессиональный стандарт «Оказание услуг питания»'),
('hair',   '«Шаштараз өнері» кәсіптік стандарты', 'Профессиональный стандарт «Парикмахерское искусство»'),
('account','«Бухгалтерлік есеп» кәсіптік стандарты', 'Профессиональный стандарт «Бухгалтерский учет»'),
('soft',   '«Бағдарламалық қамтамасыз етуді әзірлеу» кәсіптік стандарты',
           'Профессиональный стандарт «Разработка программного обеспечения»'),
('sew',    '«Тігін өндірісі» кәсіптік стандарты', 'Профессиональный стандарт «Швейное производство»'),
('bake',   '«Нан пісіру және кондитерлік өндіріс» кәсіптік стандарты',
           'Профессиональный стандарт «Хлебопекарное и кондитерское производство»'),
('tractor','«Ауыл шаруашылығы техникасын пайдалану» кәсіптік стандарты',
           'Профессиональный стандарт «Эксплуатация сельскохозяйственной техники»'),
('teach',  '«Педагог» кәсіптік стандарты', 'Профессиональный стандарт «Педагог»'),
('library','«Кітапхана ісі» кәсіптік стандарты', 'Профессиональный стандарт «Библиотечное дело»'),
-- No approved standard for coaches yet: the qualification requirements stand in (cl. 8 3)).
('coach',  'Дене шынықтыру және спорт саласындағы лауазымдардың біліктілік талаптары',
           'Квалификационные требования к должностям в сфере физической культуры и спорта');

-- The rows of the published register, in the order of the Appendix form:
-- a profession with several levels on consecutive rows.
CREATE TEMP TABLE demo_row (
  seq INTEGER PRIMARY KEY, section TEXT, code TEXT, basis TEXT, level TEXT,
  validity INTEGER, body TEXT, profile TEXT);
INSERT INTO temp.demo_row (section, code, basis, level, validity, body, profile) VALUES
('mandatory', '7212-1-008', 'civil',   '2', 3, 'industry',    't'),
('mandatory', '7212-1-008', 'civil',   '3', 3, 'industry',    't'),
('mandatory', '7212-1-008', 'civil',   '4', 5, 'industry',    't'),
('mandatory', '8343-2-009', 'civil',   '2', 3, 'industry',    't'),
('mandatory', '7412-1-005', 'power',   '3', 5, 'energy',      't'),
('mandatory', '7412-1-005', 'power',   '4', 5, 'energy',      't'),
('mandatory', '8343-1-001', 'civil',   '3', 3, 'industry',    't'),
('mandatory', '8343-1-001', 'civil',   '4', 3, 'industry',    't'),
('mandatory', '8332-1-002', 'road',    '3', 5, 'industry',    't'),
('mandatory', '7411-0-008', 'power',   '2', 3, 'energy',      't'),
('mandatory', '7411-0-008', 'power',   '3', 3, 'energy',      't'),
('mandatory', '8182-1-002', 'civil',   '3', 5, 'energy',      't'),
('mandatory', '5411-1-001', 'civil',   '3', 0, 'emergency',   't'),
('mandatory', '3221-0-004', 'health',  '4', 5, 'health',      'sg'),
('mandatory', '3221-0-004', 'health',  '5', 5, 'health',      'sg'),
('mandatory', '3256-1-001', 'health',  '5', 5, 'health',      'sg'),
('voluntary', '5120-9-005', 'cook',    '3', 0, 'trade',       't'),
('voluntary', '5120-9-005', 'cook',    '4', 0, 'trade',       't'),
('voluntary', '5120-9-005', 'cook',    '5', 0, 'trade',       't'),
('voluntary', '5141-1-002', 'hair',    '3', 0, 'trade',       'sg'),
('voluntary', '5141-1-002', 'hair',    '4', 0, 'trade',       'sg'),
('voluntary', '2411-1-001', 'account', '5', 3, 'finance',     'sg'),
('voluntary', '2411-1-001', 'account', '6', 3, 'finance',     'sg'),
('voluntary', '2512-1-002', 'soft',    '6', 5, 'digital',     't'),
('voluntary', '2512-1-002', 'soft',    '7', 5, 'digital',     't'),
('voluntary', '7531-1-004', 'sew',     '3', 0, 'industry',    't'),
('voluntary', '7531-1-004', 'sew',     '4', 0, 'industry',    't'),
('voluntary', '7512-2-001', 'bake',    '3', 0, 'agriculture', 't'),
('voluntary', '8341-1-002', 'tractor', '3', 5, 'agriculture', 't'),
('voluntary', '7212-1-008', 'weld',    '5', 5, 'industry',    't'),
('voluntary', '2342-1-001', 'teach',   '5', 5, 'education',   'sg'),
('voluntary', '2622-1-001', 'library', '6', 0, 'culture',     'sg'),
('voluntary', '3422-1-002', 'coach',   '5', 5, 'culture',     'sg');

-- The autumn 2025 cycle went through the National Council (recommendations
-- on 20 November, placed ten working days later); spring 2026 is under way.
INSERT INTO cycle (year, season, council_rec_date, placed_date) VALUES
(2025, 'autumn', '2025-11-20', '2025-12-04'),
(2026, 'spring', NULL, NULL);

-- Rows go in while the version is still a draft: the triggers refuse rows
-- in any other state.
INSERT INTO reg_version (cycle_id, base_id, state, title, created)
SELECT id, NULL, 'draft', '', '2025-09-15T04:30:00Z'
FROM cycle WHERE year = 2025 AND season = 'autumn';

INSERT INTO reg_row (version_id, section, nkz_code, name_kk, name_ru, basis_kk, basis_ru,
                     level, validity, body_id, profile, fold_kk, fold_ru, sort_kk, sort_ru)
SELECT v.id, r.section, r.code, n.name_kk, n.name_ru, b.kk, b.ru,
       r.level, r.validity, o.id, r.profile,
       tz_fold(n.name_kk), tz_fold(n.name_ru),
       tz_sortkey('kk', n.name_kk), tz_sortkey('ru', n.name_ru)
FROM temp.demo_row r
JOIN nkz n ON n.code = r.code
JOIN temp.demo_basis b ON b.key = r.basis
JOIN body o ON o.code = r.body
JOIN reg_version v ON v.state = 'draft'
ORDER BY r.seq;

UPDATE reg_version
SET state = 'published', submitted = '2025-10-30T09:00:00Z', published = '2025-12-04T06:00:00Z'
WHERE state = 'draft';

-- The spring 2026 draft starts as a copy of the published register ...
INSERT INTO reg_version (cycle_id, base_id, state, title, created)
SELECT c.id, v.id, 'draft', '', '2025-12-10T05:00:00Z'
FROM cycle c, reg_version v
WHERE c.year = 2026 AND c.season = 'spring' AND v.state = 'published';

INSERT INTO reg_row (version_id, section, nkz_code, name_kk, name_ru, basis_kk, basis_ru,
                     level, validity, body_id, profile, fold_kk, fold_ru, sort_kk, sort_ru)
SELECT d.id, r.section, r.nkz_code, r.name_kk, r.name_ru, r.basis_kk, r.basis_ru,
       r.level, r.validity, r.body_id, r.profile, r.fold_kk, r.fold_ru, r.sort_kk, r.sort_ru
FROM reg_row r
JOIN reg_version p ON p.id = r.version_id AND p.state = 'published'
JOIN reg_version d ON d.state = 'draft'
ORDER BY r.id;

-- ... with the changes a diff should show: gas cutters and waiters added,
-- slingers removed, the accountant's level 6 certificate valid longer.
DELETE FROM temp.demo_row;
INSERT INTO temp.demo_row (section, code, basis, level, validity, body, profile) VALUES
('mandatory', '7212-2-001', 'civil', '3', 3, 'industry', 't'),
('voluntary', '5131-1-001', 'serve', '3', 0, 'trade',    'sg'),
('voluntary', '5131-1-001', 'serve', '4', 0, 'trade',    'sg');
INSERT INTO reg_row (version_id, section, nkz_code, name_kk, name_ru, basis_kk, basis_ru,
                     level, validity, body_id, profile, fold_kk, fold_ru, sort_kk, sort_ru)
SELECT v.id, r.section, r.code, n.name_kk, n.name_ru, b.kk, b.ru,
       r.level, r.validity, o.id, r.profile,
       tz_fold(n.name_kk), tz_fold(n.name_ru),
       tz_sortkey('kk', n.name_kk), tz_sortkey('ru', n.name_ru)
FROM temp.demo_row r
JOIN nkz n ON n.code = r.code
JOIN temp.demo_basis b ON b.key = r.basis
JOIN body o ON o.code = r.body
JOIN reg_version v ON v.state = 'draft'
ORDER BY r.seq;

DELETE FROM reg_row
WHERE nkz_code = '8343-2-009'
  AND version_id = (SELECT id FROM reg_version WHERE state = 'draft');

UPDATE reg_row SET validity = 5, rev = rev + 1
WHERE nkz_code = '2411-1-001' AND level = '6'
  AND version_id = (SELECT id FROM reg_version WHERE state = 'draft');

-- Each change of the draft cites its ground (cl. 10): the demo's are
-- written down as corrections, there being no proposals behind them.
INSERT INTO change_ground (version_id, nkz_code, level, kind, text, login, at)
SELECT v.id, k.code, k.level, 'correction',
       'Демонстрациялық деректер / Демонстрационные данные', 'demo', '2025-12-10T05:00:00Z'
FROM reg_version v,
     (SELECT '7212-2-001' AS code, '3' AS level UNION ALL SELECT '5131-1-001', '3'
      UNION ALL SELECT '5131-1-001', '4' UNION ALL SELECT '2411-1-001', '6'
      UNION ALL SELECT nkz_code, level FROM reg_row WHERE nkz_code = '7215-1-003'
        AND version_id = (SELECT id FROM reg_version WHERE state = 'published')) k
WHERE v.state = 'draft';

DROP TABLE temp.demo_row;
DROP TABLE temp.demo_basis;
DROP TABLE temp.demo_nkz;
