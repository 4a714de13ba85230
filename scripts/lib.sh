# Shared shell helpers for fleetwatt's set-up scripts (sourced, not run).

say() { printf '\n==> %s\n' "$*"; }

# Runs a command as root: directly when we are root, else through sudo.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_updated=0
# Installs Debian packages that are missing (dpkg says not installed).
apt_install_missing() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && { echo "already installed: $*"; return 0; }
  if ! command -v apt-get >/dev/null; then
    echo "error: these packages are needed but apt-get is not available: ${missing[*]}" >&2
    return 1
  fi
  if [ "$apt_updated" -eq 0 ]; then
    say "apt-get update"
    as_root apt-get update -qq
    apt_updated=1
  fi
  say "apt-get install ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# Checks that GSL is visible to pkg-config, installing libgsl-dev when it is not.
ensure_gsl() {
  if pkg-config --exists gsl 2>/dev/null; then
    echo "GSL $(pkg-config --modversion gsl) found"
  else
    apt_install_missing pkg-config libgsl-dev
  fi
}

# What the report's routes to PDF and HTML need (README, "The report as a PDF"): pandoc;
# weasyprint; xelatex with the LaTeX packages pandoc's template loads (texlive-xetex brings
# latex-recommended and latex-extra; lmodern.sty comes from lmodern, and the pzdr font that
# hyperref's xetex driver loads from texlive-fonts-recommended); the DejaVu fonts the report
# names, upright and oblique; rsvg-convert for the SVG figures; pdftotext and pdfinfo for checks.
ensure_report_tools() {
  apt_install_missing pandoc weasyprint texlive-xetex texlive-fonts-recommended lmodern \
    fonts-dejavu-core fonts-dejavu-extra librsvg2-bin poppler-utils
}
