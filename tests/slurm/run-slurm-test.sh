#!/usr/bin/env bash
# A real Slurm test of sweeps on a cluster (docs/cluster.md): installs Debian's slurm-wlm and munge,
# starts a one-node Slurm cluster on this machine (as root, without systemd), lets `contentionsim slurm`
# write the scripts for scenarios/sweeps/quick.yaml split into 4 shards, submits them (a job array of
# 4 tasks and the merge as a dependent job), waits for the merge, and compares the merged sweep with
# the same sweep run locally: runs.csv (every column but elapsed_ms), summary.csv, the figures and the
# series must be identical. It builds nothing: it uses the Release build of contentionsim.dll.
#
# Prints "SLURM TEST PASSED: ..." and exits 0, or "SLURM TEST FAILED: <reason>" and exits 1 (also when
# Slurm cannot be installed or started here). Stops every daemon it started, by pid.
#
#   bash tests/slurm/run-slurm-test.sh          (as root; CI runs it from .ci/run)
# Environment: SLURM_TEST_SHARDS (default 4), SLURM_TEST_TIMEOUT seconds for the jobs (default 240),
# SLURM_TEST_KEEP=1 keeps the work folder.
set -uo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
dll="$repo/src/ContentionSim.Cli/bin/Release/net10.0/contentionsim.dll"
sweep="$repo/scenarios/sweeps/quick.yaml"
shards=${SLURM_TEST_SHARDS:-4}
timeout=${SLURM_TEST_TIMEOUT:-240}
work=$(mktemp -d /tmp/contentionsim-slurm-test.XXXXXX)
clock_start=$SECONDS

ctld_pid="" ; slurmd_pid="" ; munged_pid=""

say() { echo "slurm-test: $*"; }

show_logs() {
  for f in "$work"/log/*.log "$work"/jobs/shards/logs/*.out; do
    [ -f "$f" ] || continue
    echo "----- last lines of $f"
    tail -n 25 "$f"
  done
}

fail() {
  echo "SLURM TEST FAILED: $*"
  show_logs
  exit 1
}

alive() { # pid: running (a zombie waiting to be reaped is not)
  [ -n "$1" ] && [ -r "/proc/$1/stat" ] && ! grep -q '^[0-9]* (.*) Z ' "/proc/$1/stat" 2>/dev/null
}

stop_pid() { # name pid
  local name=$1 pid=$2
  alive "$pid" || return 0
  kill "$pid" 2>/dev/null
  for _ in $(seq 1 50); do alive "$pid" || { say "stopped $name (pid $pid)"; return 0; }; sleep 0.2; done
  kill -9 "$pid" 2>/dev/null && say "killed $name (pid $pid)"
}

cleanup() {
  local status=$?
  stop_pid slurmd "$slurmd_pid"
  stop_pid slurmctld "$ctld_pid"
  stop_pid munged "$munged_pid"
  if [ "${SLURM_TEST_KEEP:-0}" = 1 ]; then say "kept $work"; else rm -rf "$work"; fi
  exit "$status"
}
trap cleanup EXIT
trap 'fail "interrupted"' INT TERM

[ "$(id -u)" -eq 0 ] || fail "this test needs root (it installs packages and starts daemons); run it as root, as CI does"
[ -f "$dll" ] || fail "$dll not found: build first (dotnet build ContentionSim.sln -c Release)"
dotnet=$(command -v dotnet) || fail "dotnet is not on PATH"

# --- 1. install --------------------------------------------------------------------------------------
munged_before=$(pgrep -x munged || true)
if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v munged >/dev/null || ! command -v sbatch >/dev/null; then
  say "installing slurm-wlm and munge"
  apt-get update -qq >/dev/null 2>&1 || fail "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq slurm-wlm munge >"$work/apt.log" 2>&1 \
    || { tail -n 20 "$work/apt.log"; fail "apt-get install slurm-wlm munge failed"; }
fi
version="Slurm $(dpkg-query -W -f='${Version}' slurm-wlm 2>/dev/null || echo '?')"
say "$version"
# A package's install scripts may have started daemons of their own: those are ours to stop too.
for name in slurmctld slurmd; do
  for pid in $(pgrep -x "$name" || true); do say "stopping $name (pid $pid) started by the package install"; stop_pid "$name" "$pid"; done
done

# --- 2. munge -----------------------------------------------------------------------------------------
mkdir -p /etc/munge /var/log/munge /run/munge /var/lib/munge
if [ ! -s /etc/munge/munge.key ]; then
  dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none || fail "cannot write /etc/munge/munge.key"
fi
chown -R munge:munge /etc/munge /var/log/munge /run/munge /var/lib/munge
chmod 0700 /etc/munge /var/log/munge /var/lib/munge
chmod 0755 /run/munge
chmod 0400 /etc/munge/munge.key
if ! (munge -n | unmunge) >/dev/null 2>&1; then
  runuser -u munge -- /usr/sbin/munged || fail "munged did not start"
  for _ in $(seq 1 50); do (munge -n | unmunge) >/dev/null 2>&1 && break; sleep 0.1; done
fi
(munge -n | unmunge) >/dev/null 2>&1 || fail "munge does not work (munge -n | unmunge)"
if [ -z "$munged_before" ]; then # started by this test (or by the package install it made): ours to stop
  munged_pid=$(cat /run/munge/munged.pid 2>/dev/null || true)
  alive "$munged_pid" || munged_pid=$(pgrep -x -u munge munged | tail -n 1 || true)
fi
say "munge works${munged_pid:+ (munged pid $munged_pid, ours to stop)}"

# --- 3. a one-node cluster ----------------------------------------------------------------------------
node=$(hostname -s)
cpus=$(nproc)
memory=$(( $(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 * 9 / 10 ))
mkdir -p "$work/etc" "$work/state" "$work/spool" "$work/run" "$work/log" "$work/jobs"
export SLURM_CONF="$work/etc/slurm.conf"
cat >"$SLURM_CONF" <<EOF
ClusterName=contentionsim-test
SlurmctldHost=$node(127.0.0.1)
SlurmctldPort=16817
SlurmdPort=16818
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
MpiDefault=none
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SchedulerParameters=sched_interval=5,bf_interval=5
MinJobAge=900
ReturnToService=2
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/run/slurmctld.pid
SlurmdPidFile=$work/run/slurmd.pid
SlurmctldLogFile=$work/log/slurmctld.log
SlurmdLogFile=$work/log/slurmd.log
NodeName=$node NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$memory State=UNKNOWN
PartitionName=test Nodes=$node Default=YES MaxTime=INFINITE State=UP
EOF
cat >"$work/etc/cgroup.conf" <<EOF
CgroupPlugin=cgroup/v1
CgroupAutomount=no
EOF

slurmctld -D -f "$SLURM_CONF" >>"$work/log/slurmctld.out" 2>&1 &
ctld_pid=$!
sleep 1
kill -0 "$ctld_pid" 2>/dev/null || fail "slurmctld did not start: $(tail -n 5 "$work/log/slurmctld.out" "$work/log/slurmctld.log" 2>/dev/null)"
slurmd -D -f "$SLURM_CONF" -N "$node" >>"$work/log/slurmd.out" 2>&1 &
slurmd_pid=$!
state=""
for _ in $(seq 1 60); do
  state=$(sinfo -h -n "$node" -o %T 2>/dev/null | head -n 1)
  [ "$state" = idle ] && break
  kill -0 "$slurmd_pid" 2>/dev/null || fail "slurmd stopped: $(tail -n 5 "$work/log/slurmd.out" "$work/log/slurmd.log" 2>/dev/null)"
  sleep 1
done
[ "$state" = idle ] || fail "the node is '${state:-not listed}' in sinfo, not idle, after 60 s"
say "one-node cluster up: node $node, $cpus CPUs, ${memory} MB (slurmctld pid $ctld_pid, slurmd pid $slurmd_pid)"

# --- 4. the sweep on Slurm ----------------------------------------------------------------------------
cd "$work/jobs" || fail "no work folder"
"$dotnet" "$dll" slurm "$sweep" --shards "$shards" --out shards --merged merged \
  --contentionsim "'$dotnet' '$dll'" >"$work/slurm-command.out" 2>&1 \
  || { cat "$work/slurm-command.out"; fail "contentionsim slurm failed"; }
grep -q "^#SBATCH --array=0-$((shards - 1))$" shards/quick.sbatch || fail "quick.sbatch has no --array=0-$((shards - 1))"
submitted=$(bash shards/submit.sh 2>&1) || { echo "$submitted"; fail "submit.sh failed"; }
echo "$submitted"
array=$(sed -n 's/^submitted: array=\([0-9]*\) merge=\([0-9]*\)$/\1/p' <<<"$submitted")
merge=$(sed -n 's/^submitted: array=\([0-9]*\) merge=\([0-9]*\)$/\2/p' <<<"$submitted")
[ -n "$array" ] && [ -n "$merge" ] || fail "submit.sh did not say which jobs it submitted"

deadline=$((SECONDS + timeout))
while :; do
  left=$(squeue -h -j "$array,$merge" -o %i 2>/dev/null | wc -l)
  [ "$left" -eq 0 ] && break
  reason=$(squeue -h -j "$merge" -o %r 2>/dev/null | head -n 1)
  [ "$reason" = DependencyNeverSatisfied ] && fail "an array task failed, so the merge job $merge can never start"
  [ "$SECONDS" -lt "$deadline" ] || { squeue; fail "jobs $array (array) and $merge (merge) did not finish within $timeout s"; }
  sleep 2
done
# No accounting here: scontrol still knows the finished jobs (MinJobAge), and the merge script wrote its exit code.
tasks_done=$(scontrol show job "$array" 2>/dev/null | grep -c "JobState=COMPLETED")
[ "$tasks_done" -eq "$shards" ] || { scontrol show job "$array"; fail "$tasks_done of $shards array tasks completed"; }
scontrol show job "$merge" 2>/dev/null | grep -q "JobState=COMPLETED" || { scontrol show job "$merge"; fail "the merge job $merge did not complete"; }
[ "$(cat shards/merge.exitcode 2>/dev/null)" = 0 ] || fail "contentionsim merge exited with '$(cat shards/merge.exitcode 2>/dev/null)'"
for i in $(seq 0 $((shards - 1))); do
  grep -qs "Shard $i/$shards (SLURM_ARRAY_TASK_ID=$i, SLURM_ARRAY_TASK_MIN=0" shards/logs/quick-"${array}_$i".out \
    || fail "task $i's log does not show shard $i/$shards taken from the job array's environment"
done
say "array job $array ($shards tasks) and merge job $merge completed"

# --- 5. the same sweep on this machine, and the comparison --------------------------------------------
"$dotnet" "$dll" sweep "$sweep" --out local --parallel "$cpus" >"$work/local.out" 2>&1 || { cat "$work/local.out"; fail "the local sweep failed"; }
header=$(head -n 1 local/runs.csv)
[ "${header##*,}" = elapsed_ms ] || fail "runs.csv's last column is not elapsed_ms"
strip() { sed 's/,[0-9]*$//' "$1"; } # every column but the last, elapsed_ms
runs=$(( $(wc -l <local/runs.csv) - 1 ))
[ "$runs" -gt 0 ] || fail "the local sweep recorded no run"
cmp -s <(strip local/runs.csv) <(strip merged/runs.csv) || { diff <(strip local/runs.csv) <(strip merged/runs.csv) | head; fail "merged runs.csv differs from the local sweep's (elapsed_ms left out)"; }
cmp -s local/summary.csv merged/summary.csv || { diff local/summary.csv merged/summary.csv | head; fail "merged summary.csv differs from the local sweep's"; }
figures=0
for f in local/plots/*; do
  cmp -s "$f" "merged/plots/$(basename "$f")" || fail "merged plots/$(basename "$f") differs from the local sweep's"
  figures=$((figures + 1))
done
[ "$figures" -gt 0 ] && [ "$(ls merged/plots | wc -l)" -eq "$figures" ] || fail "the merged sweep has $(ls merged/plots | wc -l) figure files, the local $figures"
diff -r local/series merged/series >/dev/null || fail "merged series/ differs from the local sweep's"

echo "SLURM TEST PASSED: $version, one node; a job array of $shards tasks and a dependent merge ran sweep 'quick' ($runs runs);" \
     "merged runs.csv (all columns but elapsed_ms), summary.csv, $figures figure files and series/ are identical to a local sweep ($((SECONDS - clock_start)) s)"
