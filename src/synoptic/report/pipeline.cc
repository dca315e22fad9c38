// PLACEHOLDER
#include "synoptic/report/pipeline.h"
