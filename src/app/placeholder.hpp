#pragma once
// The body of a panel that is not built yet: says so plainly and what it will show.

namespace actviz::app {

void draw_placeholder(const char* coming_in, const char* what_it_will_show);

}  // namespace actviz::app
