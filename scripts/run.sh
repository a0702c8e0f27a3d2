#!/usr/bin/env bash
# Sets up, builds and runs AttentionLab. With a display it opens the lesson window; without one it
# prints the Thinking Machines walkthrough in the terminal and says how to open the window.
# Extra arguments go to attention-lab (e.g. scripts/run.sh trace --preset demo --src "hi" --out t).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec ./build/app/attention-lab "$@"
