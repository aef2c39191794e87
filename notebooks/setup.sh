#!/usr/bin/env bash
# Installs Jupyter (Debian packages) and registers the "Java (stance)" kernel. Safe to run again.
#   notebooks/setup.sh           install and register
#   notebooks/setup.sh --open    ... then open Jupyter on notebooks/
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
if ! [ -x /usr/bin/jupyter-nbconvert ] || ! /usr/bin/python3 -c 'import notebook, nbconvert, jupyter_client, ipykernel' 2>/dev/null; then
  echo "setup: installing Jupyter from Debian packages" >&2
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends \
    jupyter-notebook jupyter-nbconvert python3-nbconvert python3-ipykernel jupyter-client jupyter-core
fi

# The project (jars + training/target/classpath.txt) and the kernel (JShell behind JJava's jjava-jupyter
# protocol library, from Maven Central).
echo "setup: building the project and the kernel" >&2
./mvnw -q -B -DskipTests package
./mvnw -q -B -f notebooks/kernel/pom.xml package

# Register the kernel spec for this user (re-registering replaces it).
SPEC="$(mktemp -d)/stance-java"
mkdir -p "$SPEC"
cat > "$SPEC/kernel.json" <<JSON
{
  "argv": ["bash", "$ROOT/notebooks/kernel/run-kernel.sh", "{connection_file}"],
  "display_name": "Java (stance)",
  "language": "java",
  "interrupt_mode": "message"
}
JSON
/usr/bin/python3 -m jupyter kernelspec install --user --replace --name stance-java "$SPEC" >/dev/null
rm -rf "$(dirname "$SPEC")"
echo "setup: kernel 'stance-java' registered:" >&2
/usr/bin/python3 -m jupyter kernelspec list 2>/dev/null | grep stance-java >&2

if [ "${1:-}" = "--open" ]; then
  exec /usr/bin/python3 -m notebook --notebook-dir="$ROOT/notebooks"
fi
