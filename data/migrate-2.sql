-- Schema version 2: the change log's triggers.
-- Every change to these tables writes a change_log entry with the row before
-- and after as JSON.  Only built-in functions are used, so that a change made
-- with the sqlite3 shell is logged too; the program seals each entry (login,
-- reason, hash chain) with a temporary trigger of its own connection (audit.c),
-- and `tizilim verify` reports an entry left unsealed as written outside the
-- program.  The classifier (nkz) has no trigger: its bulk import logs one
-- summary entry instead of 50,000.

CREATE TRIGGER log_app_user_i AFTER INSERT ON app_user BEGIN
  INSERT INTO change_log(at, login, object, object_id, action, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), '', 'app_user', new.login, 'insert',
          NULL,
          json_object('login', new.login, 'role', new.role, 'body_id', new.body_id, 'created', new.created));
END;
CREATE TRIGGER log_app_user_u AFTER UPDATE ON app_user BEGIN
  INSERT INTO change_log(at, login, object, object_id, action, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), '', 'app_user', new.login, 'update',
          json_object('login', old.login, 'role', old.role, 'body_id', old.body_id, 'created', old.created),
          json_object('login', new.login, 'role', new.role, 'body_id', new.body_id, 'created', new.created));
END;
CREATE TRIGGER log_app_user_d AFTER DELETE ON app_user BEGIN
  INSERT INTO change_log(at, login, object, object_id, action, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), '', 'app_user', old.login, 'delete',
          json_object('login', old.login, 'role', old.role, 'body_id', old.body_id, 'created', old.created),
          NULL);
END;
CREATE TRIGGER log_body_i AFTER INSERT ON body BEGIN
  INSERT INTO change_log(at, login, object, object_id, action, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), '', 'body', new.id, 'insert',
          NULL,
          json_object('id', new.id, 'code', new.code, 'name_kk', new.name_kk, 'name_ru', new.name_ru, 'short_kk', new.short_kk, 'short_ru', new.short_ru, 'authorized', new.authorized));
END;
CREATE TRIGGER log_body_u AFTER UPDATE ON body BEGIN
  INSERT INTO change_log(at, login, object, object_id, action, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), '', 'body', new.id, 'update',
          json_object('id', old.id, 'code', old.code, 'name_kk', old.name_kk, 'name_ru', old.name_ru, 'short_kk', old.short_kk, 'short_ru', old.short_ru, 'authorized', old.authorized),
          json_object('id', new.id, 'code', new.code, 'name_kk', new.name_kk, 'name_ru', new.name_ru, 'short_kk', new.short_kk, 'short_ru', new.short_ru, 'authorized', new.authorized));
END;
CREATE TRIGGER log_body_d AFTER DELETE ON body BEGIN
  INSERT INTO change_log(at, login, object, object_id, action, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), '', 'body', old.id, 'delete',
          json_object('id', old.id, 'code', old.code, 'name_kk', old.name_kk, 'name_ru', old.name_ru, 'short_kk', old.short_kk, 'short_ru', old.short_ru, 'authorized', old.authorized),
          NULL);
END;
CREATE TRIGGER log_association_i AFTER INSERT ON association BEGIN
  INSERT INTO change_log(at, login, object, object_id, action, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), '', 'association', new.id, 'insert',
          NULL,
          json_object('id', new.id, 'name_kk', new.name_kk, 'name_ru', new.name_ru, 'body_id', new.body_id));
END;
CREATE TRIGGER log_association_u AFTER UPDATE ON association BEGIN
  INSERT INTO change_log(at, login, object, object_id, action, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), '', 'association', new.id, 'update',
          json_object('id', old.id, 'name_kk', old.name_kk, 'name_ru', old.name_ru, 'body_id', old.body_id),
          json_object('id', new.id, 'name_kk', new.name_kk, 'name_ru', new.name_ru, 'body_id', new.body_id));
END;
CREATE TRIGGER log_association_d AFTER DELETE ON association BEGIN
  INSERT INTO change_log(at, login, object, object_id, action, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), '', 'association', old.id, 'delete',
          json_object('id', old.id, 'name_kk', old.name_kk, 'name_ru', old.name_ru, 'body_id', old.body_id),
          NULL);
END;
CREATE TRIGGER log_council_i AFTER INSERT ON council BEGIN
  INSERT INTO change_log(at, login, object, object_id, action, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), '', 'council', new.id, 'insert',
          NULL,
          json_object('id', new.id, 'body_id', new.body_id, 'name_kk', new.name_kk, 'name_ru', new.name_ru));
END;
CREATE TRIGGER log_council_u AFTER UPDATE ON council BEGIN
  INSERT INTO change_log(at, login, object, object_id, action, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), '', 'council', new.id, 'update',
          json_object('id', old.id, 'body_id', old.body_id, 'name_kk', old.name_kk, 'name_ru', old.name_ru),
          json_object('id', new.id, 'body_id', new.body_id, 'name_kk', new.name_kk, 'name_ru', new.name_ru));
END;
CREATE TRIGGER log_council_d AFTER DELETE ON council BEGIN
  INSERT INTO change_log(at, login, object, object_id, action, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), '', 'council', old.id, 'delete',
          json_object('id', old.id, 'body_id', old.body_id, 'name_kk', old.name_kk, 'name_ru', old.name_ru),
          NULL);
END;
CREATE TRIGGER log_nrk_level_i AFTER INSERT ON nrk_level BEGIN
  INSERT INTO change_log(at, login, object, object_id, action, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), '', 'nrk_level', new.code, 'insert',
          NULL,
          json_object('code', new.code, 'base', new.base, 'descr_kk', new.descr_kk, 'descr_ru', new.descr_ru));
END;
CREATE TRIGGER log_nrk_level_u AFTER UPDATE ON nrk_level BEGIN
  INSERT INTO change_log(at, login, object, object_id, action, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), '', 'nrk_level', new.code, 'update',
          json_object('code', old.code, 'base', old.base, 'descr_kk', old.descr_kk, 'descr_ru', old.descr_ru),
          json_object('code', new.code, 'base', new.base, 'descr_kk', new.descr_kk, 'descr_ru', new.descr_ru));
END;
CREATE TRIGGER log_nrk_level_d AFTER DELETE ON nrk_level BEGIN
  INSERT INTO change_log(at, login, object, object_id, action, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), '', 'nrk_level', old.code, 'delete',
          json_object('code', old.code, 'base', old.base, 'descr_kk', old.descr_kk, 'descr_ru', old.descr_ru),
          NULL);
END;
CREATE TRIGGER log_holiday_rule_i AFTER INSERT ON holiday_rule BEGIN
  INSERT INTO change_log(at, login, object, object_id, action, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), '', 'holiday_rule', new.id, 'insert',
          NULL,
          json_object('id', new.id, 'month', new.month, 'day', new.day, 'moves', new.moves, 'from_year', new.from_year, 'to_year', new.to_year, 'name_kk', new.name_kk, 'name_ru', new.name_ru));
END;
CREATE TRIGGER log_holiday_rule_u AFTER UPDATE ON holiday_rule BEGIN
  INSERT INTO change_log(at, login, object, object_id, action, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), '', 'holiday_rule', new.id, 'update',
          json_object('id', old.id, 'month', old.month, 'day', old.day, 'moves', old.moves, 'from_year', old.from_year, 'to_year', old.to_year, 'name_kk', old.name_kk, 'name_ru', old.name_ru),
          json_object('id', new.id, 'month', new.month, 'day', new.day, 'moves', new.moves, 'from_year', new.from_year, 'to_year', new.to_year, 'name_kk', new.name_kk, 'name_ru', new.name_ru));
END;
CREATE TRIGGER log_holiday_rule_d AFTER DELETE ON holiday_rule BEGIN
  INSERT INTO change_log(at, login, object, object_id, action, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), '', 'holiday_rule', old.id, 'delete',
          json_object('id', old.id, 'month', old.month, 'day', old.day, 'moves', old.moves, 'from_year', old.from_year, 'to_year', old.to_year, 'name_kk', old.name_kk, 'name_ru', old.name_ru),
          NULL);
END;
CREATE TRIGGER log_calendar_day_i AFTER INSERT ON calendar_day BEGIN
  INSERT INTO change_log(at, login, object, object_id, action, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), '', 'calendar_day', new.date, 'insert',
          NULL,
          json_object('date', new.date, 'kind', new.kind, 'note_kk', new.note_kk, 'note_ru', new.note_ru));
END;
CREATE TRIGGER log_calendar_day_u AFTER UPDATE ON calendar_day BEGIN
  INSERT INTO change_log(at, login, object, object_id, action, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), '', 'calendar_day', new.date, 'update',
          json_object('date', old.date, 'kind', old.kind, 'note_kk', old.note_kk, 'note_ru', old.note_ru),
          json_object('date', new.date, 'kind', new.kind, 'note_kk', new.note_kk, 'note_ru', new.note_ru));
END;
CREATE TRIGGER log_calendar_day_d AFTER DELETE ON calendar_day BEGIN
  INSERT INTO change_log(at, login, object, object_id, action, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), '', 'calendar_day', old.date, 'delete',
          json_object('date', old.date, 'kind', old.kind, 'note_kk', old.note_kk, 'note_ru', old.note_ru),
          NULL);
END;
CREATE TRIGGER log_cycle_i AFTER INSERT ON cycle BEGIN
  INSERT INTO change_log(at, login, object, object_id, action, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), '', 'cycle', new.id, 'insert',
          NULL,
          json_object('id', new.id, 'year', new.year, 'season', new.season, 'council_rec_date', new.council_rec_date, 'placed_date', new.placed_date));
END;
CREATE TRIGGER log_cycle_u AFTER UPDATE ON cycle BEGIN
  INSERT INTO change_log(at, login, object, object_id, action, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), '', 'cycle', new.id, 'update',
          json_object('id', old.id, 'year', old.year, 'season', old.season, 'council_rec_date', old.council_rec_date, 'placed_date', old.placed_date),
          json_object('id', new.id, 'year', new.year, 'season', new.season, 'council_rec_date', new.council_rec_date, 'placed_date', new.placed_date));
END;
CREATE TRIGGER log_cycle_d AFTER DELETE ON cycle BEGIN
  INSERT INTO change_log(at, login, object, object_id, action, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), '', 'cycle', old.id, 'delete',
          json_object('id', old.id, 'year', old.year, 'season', old.season, 'council_rec_date', old.council_rec_date, 'placed_date', old.placed_date),
          NULL);
END;
CREATE TRIGGER log_reg_version_i AFTER INSERT ON reg_version BEGIN
  INSERT INTO change_log(at, login, object, object_id, action, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), '', 'reg_version', new.id, 'insert',
          NULL,
          json_object('id', new.id, 'cycle_id', new.cycle_id, 'base_id', new.base_id, 'state', new.state, 'title', new.title, 'created', new.created, 'submitted', new.submitted, 'published', new.published));
END;
CREATE TRIGGER log_reg_version_u AFTER UPDATE ON reg_version BEGIN
  INSERT INTO change_log(at, login, object, object_id, action, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), '', 'reg_version', new.id, 'update',
          json_object('id', old.id, 'cycle_id', old.cycle_id, 'base_id', old.base_id, 'state', old.state, 'title', old.title, 'created', old.created, 'submitted', old.submitted, 'published', old.published),
          json_object('id', new.id, 'cycle_id', new.cycle_id, 'base_id', new.base_id, 'state', new.state, 'title', new.title, 'created', new.created, 'submitted', new.submitted, 'published', new.published));
END;
CREATE TRIGGER log_reg_version_d AFTER DELETE ON reg_version BEGIN
  INSERT INTO change_log(at, login, object, object_id, action, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), '', 'reg_version', old.id, 'delete',
          json_object('id', old.id, 'cycle_id', old.cycle_id, 'base_id', old.base_id, 'state', old.state, 'title', old.title, 'created', old.created, 'submitted', old.submitted, 'published', old.published),
          NULL);
END;
CREATE TRIGGER log_reg_row_i AFTER INSERT ON reg_row BEGIN
  INSERT INTO change_log(at, login, object, object_id, action, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), '', 'reg_row', new.id, 'insert',
          NULL,
          json_object('id', new.id, 'version_id', new.version_id, 'section', new.section, 'nkz_code', new.nkz_code, 'name_kk', new.name_kk, 'name_ru', new.name_ru, 'basis_kk', new.basis_kk, 'basis_ru', new.basis_ru, 'level', new.level, 'validity', new.validity, 'body_id', new.body_id, 'profile', new.profile, 'proposal_id', new.proposal_id, 'rev', new.rev));
END;
CREATE TRIGGER log_reg_row_u AFTER UPDATE ON reg_row BEGIN
  INSERT INTO change_log(at, login, object, object_id, action, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), '', 'reg_row', new.id, 'update',
          json_object('id', old.id, 'version_id', old.version_id, 'section', old.section, 'nkz_code', old.nkz_code, 'name_kk', old.name_kk, 'name_ru', old.name_ru, 'basis_kk', old.basis_kk, 'basis_ru', old.basis_ru, 'level', old.level, 'validity', old.validity, 'body_id', old.body_id, 'profile', old.profile, 'proposal_id', old.proposal_id, 'rev', old.rev),
          json_object('id', new.id, 'version_id', new.version_id, 'section', new.section, 'nkz_code', new.nkz_code, 'name_kk', new.name_kk, 'name_ru', new.name_ru, 'basis_kk', new.basis_kk, 'basis_ru', new.basis_ru, 'level', new.level, 'validity', new.validity, 'body_id', new.body_id, 'profile', new.profile, 'proposal_id', new.proposal_id, 'rev', new.rev));
END;
CREATE TRIGGER log_reg_row_d AFTER DELETE ON reg_row BEGIN
  INSERT INTO change_log(at, login, object, object_id, action, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), '', 'reg_row', old.id, 'delete',
          json_object('id', old.id, 'version_id', old.version_id, 'section', old.section, 'nkz_code', old.nkz_code, 'name_kk', old.name_kk, 'name_ru', old.name_ru, 'basis_kk', old.basis_kk, 'basis_ru', old.basis_ru, 'level', old.level, 'validity', old.validity, 'body_id', old.body_id, 'profile', old.profile, 'proposal_id', old.proposal_id, 'rev', old.rev),
          NULL);
END;
CREATE TRIGGER log_proposal_i AFTER INSERT ON proposal BEGIN
  INSERT INTO change_log(at, login, object, object_id, action, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), '', 'proposal', new.id, 'insert',
          NULL,
          json_object('id', new.id, 'cycle_id', new.cycle_id, 'body_id', new.body_id, 'association_id', new.association_id, 'action', new.action, 'section', new.section, 'nkz_code', new.nkz_code, 'basis_kk', new.basis_kk, 'basis_ru', new.basis_ru, 'validity', new.validity, 'profile', new.profile, 'safety_kk', new.safety_kk, 'safety_ru', new.safety_ru, 'demand_kk', new.demand_kk, 'demand_ru', new.demand_ru, 'standard_kk', new.standard_kk, 'standard_ru', new.standard_ru, 'legal_act_kk', new.legal_act_kk, 'legal_act_ru', new.legal_act_ru, 'state', new.state, 'round', new.round, 'created', new.created, 'submitted', new.submitted, 'late', new.late, 'author', new.author));
END;
CREATE TRIGGER log_proposal_u AFTER UPDATE ON proposal BEGIN
  INSERT INTO change_log(at, login, object, object_id, action, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), '', 'proposal', new.id, 'update',
          json_object('id', old.id, 'cycle_id', old.cycle_id, 'body_id', old.body_id, 'association_id', old.association_id, 'action', old.action, 'section', old.section, 'nkz_code', old.nkz_code, 'basis_kk', old.basis_kk, 'basis_ru', old.basis_ru, 'validity', old.validity, 'profile', old.profile, 'safety_kk', old.safety_kk, 'safety_ru', old.safety_ru, 'demand_kk', old.demand_kk, 'demand_ru', old.demand_ru, 'standard_kk', old.standard_kk, 'standard_ru', old.standard_ru, 'legal_act_kk', old.legal_act_kk, 'legal_act_ru', old.legal_act_ru, 'state', old.state, 'round', old.round, 'created', old.created, 'submitted', old.submitted, 'late', old.late, 'author', old.author),
          json_object('id', new.id, 'cycle_id', new.cycle_id, 'body_id', new.body_id, 'association_id', new.association_id, 'action', new.action, 'section', new.section, 'nkz_code', new.nkz_code, 'basis_kk', new.basis_kk, 'basis_ru', new.basis_ru, 'validity', new.validity, 'profile', new.profile, 'safety_kk', new.safety_kk, 'safety_ru', new.safety_ru, 'demand_kk', new.demand_kk, 'demand_ru', new.demand_ru, 'standard_kk', new.standard_kk, 'standard_ru', new.standard_ru, 'legal_act_kk', new.legal_act_kk, 'legal_act_ru', new.legal_act_ru, 'state', new.state, 'round', new.round, 'created', new.created, 'submitted', new.submitted, 'late', new.late, 'author', new.author));
END;
CREATE TRIGGER log_proposal_d AFTER DELETE ON proposal BEGIN
  INSERT INTO change_log(at, login, object, object_id, action, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), '', 'proposal', old.id, 'delete',
          json_object('id', old.id, 'cycle_id', old.cycle_id, 'body_id', old.body_id, 'association_id', old.association_id, 'action', old.action, 'section', old.section, 'nkz_code', old.nkz_code, 'basis_kk', old.basis_kk, 'basis_ru', old.basis_ru, 'validity', old.validity, 'profile', old.profile, 'safety_kk', old.safety_kk, 'safety_ru', old.safety_ru, 'demand_kk', old.demand_kk, 'demand_ru', old.demand_ru, 'standard_kk', old.standard_kk, 'standard_ru', old.standard_ru, 'legal_act_kk', old.legal_act_kk, 'legal_act_ru', old.legal_act_ru, 'state', old.state, 'round', old.round, 'created', old.created, 'submitted', old.submitted, 'late', old.late, 'author', old.author),
          NULL);
END;
CREATE TRIGGER log_proposal_level_i AFTER INSERT ON proposal_level BEGIN
  INSERT INTO change_log(at, login, object, object_id, action, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), '', 'proposal_level', new.proposal_id || '/' || new.level, 'insert',
          NULL,
          json_object('proposal_id', new.proposal_id, 'level', new.level));
END;
CREATE TRIGGER log_proposal_level_u AFTER UPDATE ON proposal_level BEGIN
  INSERT INTO change_log(at, login, object, object_id, action, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), '', 'proposal_level', new.proposal_id || '/' || new.level, 'update',
          json_object('proposal_id', old.proposal_id, 'level', old.level),
          json_object('proposal_id', new.proposal_id, 'level', new.level));
END;
CREATE TRIGGER log_proposal_level_d AFTER DELETE ON proposal_level BEGIN
  INSERT INTO change_log(at, login, object, object_id, action, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), '', 'proposal_level', old.proposal_id || '/' || old.level, 'delete',
          json_object('proposal_id', old.proposal_id, 'level', old.level),
          NULL);
END;
CREATE TRIGGER log_remark_i AFTER INSERT ON remark BEGIN
  INSERT INTO change_log(at, login, object, object_id, action, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), '', 'remark', new.id, 'insert',
          NULL,
          json_object('id', new.id, 'proposal_id', new.proposal_id, 'received', new.received, 'due', new.due, 'text_kk', new.text_kk, 'text_ru', new.text_ru, 'resolved', new.resolved));
END;
CREATE TRIGGER log_remark_u AFTER UPDATE ON remark BEGIN
  INSERT INTO change_log(at, login, object, object_id, action, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), '', 'remark', new.id, 'update',
          json_object('id', old.id, 'proposal_id', old.proposal_id, 'received', old.received, 'due', old.due, 'text_kk', old.text_kk, 'text_ru', old.text_ru, 'resolved', old.resolved),
          json_object('id', new.id, 'proposal_id', new.proposal_id, 'received', new.received, 'due', new.due, 'text_kk', new.text_kk, 'text_ru', new.text_ru, 'resolved', new.resolved));
END;
CREATE TRIGGER log_remark_d AFTER DELETE ON remark BEGIN
  INSERT INTO change_log(at, login, object, object_id, action, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), '', 'remark', old.id, 'delete',
          json_object('id', old.id, 'proposal_id', old.proposal_id, 'received', old.received, 'due', old.due, 'text_kk', old.text_kk, 'text_ru', old.text_ru, 'resolved', old.resolved),
          NULL);
END;
CREATE TRIGGER log_council_agreement_i AFTER INSERT ON council_agreement BEGIN
  INSERT INTO change_log(at, login, object, object_id, action, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), '', 'council_agreement', new.id, 'insert',
          NULL,
          json_object('id', new.id, 'cycle_id', new.cycle_id, 'body_id', new.body_id, 'date', new.date, 'protocol', new.protocol));
END;
CREATE TRIGGER log_council_agreement_u AFTER UPDATE ON council_agreement BEGIN
  INSERT INTO change_log(at, login, object, object_id, action, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), '', 'council_agreement', new.id, 'update',
          json_object('id', old.id, 'cycle_id', old.cycle_id, 'body_id', old.body_id, 'date', old.date, 'protocol', old.protocol),
          json_object('id', new.id, 'cycle_id', new.cycle_id, 'body_id', new.body_id, 'date', new.date, 'protocol', new.protocol));
END;
CREATE TRIGGER log_council_agreement_d AFTER DELETE ON council_agreement BEGIN
  INSERT INTO change_log(at, login, object, object_id, action, before, after)
  VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), '', 'council_agreement', old.id, 'delete',
          json_object('id', old.id, 'cycle_id', old.cycle_id, 'body_id', old.body_id, 'date', old.date, 'protocol', old.protocol),
          NULL);
END;
CREATE INDEX change_log_login ON change_log(login);
