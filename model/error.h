#pragma once
// Every failure the backend can report: bad files, configs, shapes, or a cancelled run.
// Thrown inside model/, caught at the boundaries (CLI, GUI worker), never fatal.
#include <stdexcept>
#include <string>

namespace vitscope {

class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Thrown by Model::run when RunControl::cancel was raised; not a failure.
class Cancelled : public std::runtime_error {
public:
    Cancelled() : std::runtime_error("cancelled") {}
};

} // namespace vitscope
