// The program's one handler for SIGINT, SIGTERM and SIGHUP. Every StagingDirectory registers its
// staging path in a fixed table; the handler (which may only use async-signal-safe calls) empties and
// removes each registered folder, removes the parent folders the writer created, prints one line
// naming the user's path, and re-raises the signal. A command that can stop cleanly by itself (train
// saves a checkpoint) defers the stop signals: the first one is only recorded, a second one stops.
#pragma once

#include <string>

namespace alab::core {

/// The file that marks a folder as written by attention-lab (inside every output folder).
inline constexpr const char* kOwnerMarker = ".attention-lab";

/// What a registered staging folder holds when a signal arrives.
enum class StagingPhase {
    Writing = 1,          ///< the new output, unfinished: removing it leaves the user's folder as it was
    RemovingPrevious = 2  ///< the previous output, swapped out after a complete write
};

/// Installs the handlers (once; later calls do nothing) and ignores SIGXFSZ, so writing past a
/// file-size limit fails with an error message instead of killing the process.
void installCleanupOnSignals();

/// While `on`, the first stop signal is recorded (stopSignalPending) and the program goes on, so that
/// it can finish its step, save and exit by itself; a second one ends it at once as described above.
void deferStopSignals(bool on);

/// The stop signal recorded while deferred (SIGINT, SIGTERM or SIGHUP), or 0.
int stopSignalPending();

/// Registers `staging` (a folder that will appear as `finalPath`); `createdParents` is how many
/// ancestors of finalPath this writer created. Returns a slot, or -1 when the table is full or a
/// path is too long (that folder is then not cleaned up on a signal; it is swept on the next run).
int registerStaging(const std::string& staging, const std::string& finalPath, int createdParents);

/// Changes what the slot's folder holds (see StagingPhase).
void setStagingPhase(int slot, StagingPhase phase);

/// Forgets the slot (after the folder was committed or removed). Ignores -1.
void unregisterStaging(int slot);

/// Empties and removes a flat folder, the marker file last, using only async-signal-safe calls.
/// Returns true when the folder is gone. Sub-folders are removed only when empty.
bool removeFlatFolder(const char* path);

}  // namespace alab::core
