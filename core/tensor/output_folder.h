// The rules for output folders attention-lab writes (trace, export --all-heads): which existing
// folder may be replaced (missing, empty, or marked by kOwnerMarker as ours), how our own folders are
// removed (the marker last, so a half-removed folder is still recognised), how the leftovers of a
// killed run are found and swept, and which missing parent folders a writer created.
#pragma once

#include <string>
#include <vector>

namespace alab::core {

/// "" when `path` may be (re)written as an output folder: it does not exist, is an empty folder, or
/// holds our marker. Otherwise a one-line message naming `path` (a file, a link, someone's folder).
std::string checkReplaceableFolder(const std::string& path);

/// Whether `path` is a folder (not a link) holding our marker file.
bool isOwnedFolder(const std::string& path);

/// Removes a folder tree, the marker last; returns "" or the reason it could not.
std::string removeOwnedTree(const std::string& path);

/// Removes siblings of `finalPath` named "<name>.tmp-<pid>-<n>" or "<name>.old-<pid>-<n>" that a
/// process which no longer runs left behind, if they carry our marker or are empty. Returns how many.
int sweepStaleSiblings(const std::string& finalPath);

/// Creates the missing ancestors of `path` (not `path` itself), outermost first, and appends each
/// created folder to `created`. Returns "" or the reason, after removing what it created.
std::string createParents(const std::string& path, std::vector<std::string>& created);

/// Removes the folders in `created` (innermost first), each only if it is empty.
void removeCreatedFolders(std::vector<std::string>& created);

/// Writes the marker file into `folder`; returns "" or the reason.
std::string writeOwnerMarker(const std::string& folder);

}  // namespace alab::core
