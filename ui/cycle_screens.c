#include "cycle_screens.h"

enum ui_result ui_open_proposals(struct ui_app *app) { (void)app; return UI_HANDLED; }
enum ui_result ui_open_review(struct ui_app *app) { (void)app; return UI_HANDLED; }
enum ui_result ui_open_deadlines(struct ui_app *app) { (void)app; return UI_HANDLED; }
enum ui_result ui_open_log(struct ui_app *app) { (void)app; return UI_HANDLED; }
