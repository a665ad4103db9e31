// Imports every DeepBrew cell starts with. One import per line; a package that is not on the
// classpath is skipped (and reported in the kernel log), so the kernel still starts.
import java.util.*;
import java.nio.file.*;
import org.deepbrew.display.*;
import static org.deepbrew.display.Display.*;
import static org.deepbrew.notebook.Checks.*;
import org.deepbrew.notebook.*;
import org.deepbrew.data.*;
import org.deepbrew.train.*;
import org.deepbrew.models.*;
import ai.djl.*;
import ai.djl.ndarray.*;
import ai.djl.ndarray.types.*;
import ai.djl.nn.*;
import ai.djl.training.*;
import tech.tablesaw.api.*;
import tech.tablesaw.plotly.api.*;
import org.knowm.xchart.*;
