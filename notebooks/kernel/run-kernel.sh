#!/usr/bin/env bash
# Starts the stance notebook kernel (see StanceKernel.java) for Jupyter: a JVM with the kernel and the built
# project on its classpath. Jupyter passes the connection file as the only argument.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
KERNEL="$ROOT/notebooks/kernel/target"
CP="$KERNEL/stance-notebook-kernel-0.1.0-SNAPSHOT.jar:$(cat "$KERNEL/classpath.txt")"
# The project's classes are on the JVM classpath too (model families are found with ServiceLoader, which
# looks there); the notebooks' %classpath magic adds them to JShell's compiler as well.
PROJECT="$ROOT/training/target/stance-training-0.1.0-SNAPSHOT.jar"
if [ -f "$PROJECT" ] && [ -f "$ROOT/training/target/classpath.txt" ]; then
  CP="$CP:$PROJECT:$(cat "$ROOT/training/target/classpath.txt")"
fi
export TF_CPP_MIN_LOG_LEVEL="${TF_CPP_MIN_LOG_LEVEL:-2}"
exec java ${STANCE_JAVA_OPTS:--Xmx4g} -cp "$CP" dev.stance.notebooks.kernel.StanceKernel "$1"
