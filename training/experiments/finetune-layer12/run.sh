#!/bin/bash
cd /tmp/ft/pt
exec env MALLOC_ARENA_MAX=2 OMP_NUM_THREADS=2 java -Xmx6g $JOPTS -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=2 -Dai.djl.pytorch.num_interop_threads=1 -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "${CLS:-classes}:lib/*" ft.FT "$@"
