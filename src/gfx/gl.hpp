#pragma once
// The one include of OpenGL in actviz (glad 2, GL 3.3 core). Only src/gfx includes this file.

#include <glad/gl.h>
