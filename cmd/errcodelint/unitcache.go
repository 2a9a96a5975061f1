package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/errcodelint/errcodelint/catalog"
)

// The unit cache sits under go vet's. go vet keys a unit's results on the
// tool's -V=full ID, which covers every catalog of the module: a catalog
// edit makes go vet run the tool again on every package, the standard
// library's included. Most of those packages cannot see the edited
// catalog, and their results are the same as before. The unit cache keys
// each unit on what its results depend on: the executable, the tool's
// flags and the catalogs they name, the unit's configuration, the content
// of its Go files and of its dependencies' facts, and the content of the
// one catalog discovery finds for its directory. A hit replays the facts
// and output without analysis; a miss runs the analysis in a child process
// and keeps what it wrote.

// unitCacheEnv relocates the unit cache ("off" disables it).
const unitCacheEnv = "ERRCODELINT_CACHE"

// unitChildEnv marks the child process that analyzes a unit on a miss.
const unitChildEnv = "ERRCODELINT_UNIT_CHILD"

// unitTrimAge is how long an unused entry is kept.
const unitTrimAge = 5 * 24 * time.Hour

// unitConfig is what the unit cache reads of go vet's unit configuration.
type unitConfig struct {
	ID            string
	Dir           string
	ImportPath    string
	GoVersion     string
	GoFiles       []string
	NonGoFiles    []string
	ModulePath    string
	ModuleVersion string
	ImportMap     map[string]string
	Standard      map[string]bool
	PackageVetx   map[string]string
	VetxOnly      bool
	VetxOutput    string
	Stdout        string
	FixArchive    string
}

// runUnit runs the unit of go vet's protocol whose configuration is the
// last of args, through the unit cache. It returns false when the unit is
// not for the cache, and the caller runs it in process.
func runUnit(args []string) (code int, handled bool) {
	if os.Getenv(unitChildEnv) != "" {
		return 0, false
	}
	dir := unitCacheDir()
	if dir == "" {
		return 0, false
	}
	cfg, err := readUnitConfig(args[len(args)-1])
	if err != nil || cfg.FixArchive != "" || cfg.VetxOutput == "" {
		return 0, false
	}
	key, ok := unitKey(args[:len(args)-1], cfg)
	if !ok {
		return 0, false
	}
	entry := filepath.Join(dir, key[:2], key)
	if replay(entry, cfg) {
		return 0, true
	}
	exe, err := os.Executable()
	if err != nil {
		return 0, false
	}
	cmd := exec.Command(exe, args...)
	cmd.Env = append(os.Environ(), unitChildEnv+"=1")
	var stderr bytes.Buffer
	cmd.Stdout = os.Stdout
	cmd.Stderr = io.MultiWriter(os.Stderr, &stderr)
	err = cmd.Run()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		return exit.ExitCode(), true
	case err != nil:
		fmt.Fprintf(os.Stderr, "errcodelint: %v\n", err)
		return 1, true
	}
	if stderr.Len() == 0 {
		store(dir, entry, cfg)
	}
	return 0, true
}

// unitCacheDir is the unit cache's directory, or "" when it is off.
func unitCacheDir() string {
	switch v := os.Getenv(unitCacheEnv); v {
	case "off":
		return ""
	case "":
		d, err := os.UserCacheDir()
		if err != nil {
			return ""
		}
		return filepath.Join(d, "errcodelint", "units")
	default:
		return v
	}
}

// unitKey is the hex key of a unit: a hash of what its results depend on.
// It reports false when an input cannot be read.
func unitKey(flags []string, cfg *unitConfig) (string, bool) {
	exe, err := os.Executable()
	if err != nil {
		return "", false
	}
	h := sha256.New()
	fmt.Fprintf(h, "errcodelint unit 1\n%x\n%s/%s\n", exeHash(exe), runtime.GOOS, runtime.GOARCH)
	fmt.Fprintf(h, "flags %q\n", flags)
	// Catalogs named by flag or environment, by content.
	for _, f := range flags {
		name, value, ok := strings.Cut(strings.TrimLeft(f, "-"), "=")
		if ok && (name == "catalog" || strings.HasSuffix(name, ".catalog")) && value != "" {
			if !hashInput(h, "catalog", value) {
				return "", false
			}
		}
	}
	for _, p := range append(filepath.SplitList(os.Getenv(vetCatalogsEnv)), os.Getenv(catalog.EnvVar)) {
		if p != "" && !hashInput(h, "catalog", p) {
			return "", false
		}
	}
	// The catalog discovery finds for the package, by path and content.
	found, err := catalog.Find(cfg.Dir)
	if err != nil {
		return "", false
	}
	if found != "" && !hashInput(h, "found "+found, found) {
		return "", false
	}
	// The unit: its configuration (less the output files, which go vet
	// names after its scratch directory), sources and dependencies' facts.
	fmt.Fprintf(h, "unit %q %q %q %q %q %q %t %t\n", cfg.ID, cfg.Dir, cfg.ImportPath, cfg.GoVersion,
		cfg.ModulePath, cfg.ModuleVersion, cfg.VetxOnly, cfg.Stdout != "")
	for _, k := range sortedKeys(cfg.ImportMap) {
		fmt.Fprintf(h, "import %q %q\n", k, cfg.ImportMap[k])
	}
	for _, k := range sortedKeys(cfg.Standard) {
		fmt.Fprintf(h, "std %q %t\n", k, cfg.Standard[k])
	}
	for _, f := range slices.Concat(cfg.GoFiles, cfg.NonGoFiles) {
		// cgo's generated files are in go vet's scratch directory, whose
		// name changes from run to run: they count by name and content.
		label := f
		if rel, err := filepath.Rel(cfg.Dir, f); err != nil || strings.HasPrefix(rel, "..") {
			label = filepath.Base(f)
		}
		if !hashInput(h, "file "+label, f) {
			return "", false
		}
	}
	for _, k := range sortedKeys(cfg.PackageVetx) {
		if !hashInput(h, "vetx "+k, cfg.PackageVetx[k]) {
			return "", false
		}
	}
	return hex.EncodeToString(h.Sum(nil)), true
}

// hashInput writes a label and the content of file to h.
func hashInput(h io.Writer, label, file string) bool {
	f, err := os.Open(file)
	if err != nil {
		return false
	}
	defer f.Close()
	fmt.Fprintf(h, "%s\n", label)
	fh := sha256.New()
	if _, err := io.Copy(fh, f); err != nil {
		return false
	}
	fmt.Fprintf(h, "%x\n", fh.Sum(nil))
	return true
}

// An entry is a directory holding "vetx" and "stdout" when the unit wrote
// them, and "done", written last.

// replay copies entry's files where cfg wants them, and reports whether
// the entry was complete.
func replay(entry string, cfg *unitConfig) bool {
	done := filepath.Join(entry, "done")
	st, err := os.Stat(done)
	if err != nil {
		return false
	}
	for _, f := range []struct{ name, to string }{{"vetx", cfg.VetxOutput}, {"stdout", cfg.Stdout}} {
		if f.to == "" {
			continue
		}
		data, err := os.ReadFile(filepath.Join(entry, f.name))
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil || os.WriteFile(f.to, data, 0o644) != nil {
			return false
		}
	}
	if time.Since(st.ModTime()) > time.Hour {
		now := time.Now()
		_ = os.Chtimes(done, now, now)
	}
	return true
}

// store keeps what the unit wrote in entry, and now and then trims the
// cache of entries unused for unitTrimAge.
func store(dir, entry string, cfg *unitConfig) {
	tmp, err := os.MkdirTemp(filepath.Dir(mkdirAll(entry)), "tmp-")
	if err != nil {
		return
	}
	defer os.RemoveAll(tmp)
	for _, f := range []struct{ name, from string }{{"vetx", cfg.VetxOutput}, {"stdout", cfg.Stdout}} {
		if f.from == "" {
			continue
		}
		data, err := os.ReadFile(f.from)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil || os.WriteFile(filepath.Join(tmp, f.name), data, 0o644) != nil {
			return
		}
	}
	if os.WriteFile(filepath.Join(tmp, "done"), nil, 0o644) != nil {
		return
	}
	// Another process may have stored the same entry: either is right.
	_ = os.Rename(tmp, entry)
	trim(dir)
}

func mkdirAll(entry string) string {
	_ = os.MkdirAll(filepath.Dir(entry), 0o755)
	return entry
}

// trim removes, at most once a day, the entries unused for unitTrimAge.
func trim(dir string) {
	mark := filepath.Join(dir, "trimmed")
	if st, err := os.Stat(mark); err == nil && time.Since(st.ModTime()) < 24*time.Hour {
		return
	}
	if os.WriteFile(mark, nil, 0o644) != nil {
		return
	}
	shards, _ := os.ReadDir(dir)
	for _, s := range shards {
		if !s.IsDir() || len(s.Name()) != 2 {
			continue
		}
		entries, _ := os.ReadDir(filepath.Join(dir, s.Name()))
		for _, e := range entries {
			p := filepath.Join(dir, s.Name(), e.Name())
			st, err := os.Stat(filepath.Join(p, "done"))
			if err != nil || time.Since(st.ModTime()) > unitTrimAge {
				_ = os.RemoveAll(p)
			}
		}
	}
}
