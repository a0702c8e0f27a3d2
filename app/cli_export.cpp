// Placeholder until the export command lands (issue 4).
#include "app/cli_args.h"
#include "app/commands.h"

namespace alab::app {

int runExport(int, char**) { return fail("export is not available in this build yet"); }

}  // namespace alab::app
