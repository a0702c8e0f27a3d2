// Why a breakpoint stopped, in the interface's language: core/debug/breakpoints words each reason in
// English ("row 2 of head 1 sums to 0.5 (off 1 by more than 1e-05)"); this reads it back with one
// pattern per condition and writes it with tr(). A reason it does not know is shown as core wrote it.
#pragma once

#include <QString>

namespace alab::ui {

/// The reason part of a BreakHit (without the leading "tensor: ") for people.
QString translatedBreakReason(const QString& reason);

}  // namespace alab::ui
