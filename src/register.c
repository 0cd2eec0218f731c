#include "register.h"
