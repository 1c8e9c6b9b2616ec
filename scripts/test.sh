#!/usr/bin/env bash
# The whole test suite. Installs what is missing first; works from a fresh clone.
# Tests that need ../shared/datasets/adult/ skip with a message when it is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh

swift build --build-tests
swift test --skip-build "$@"
