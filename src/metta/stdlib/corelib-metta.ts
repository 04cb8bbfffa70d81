/**
 * The part of the core library written in MeTTa itself: type declarations of the symbols
 * the interpreter gives meaning to, and the list combinators whose templates run as minimal
 * MeTTa (they must, to behave as the reference does: §5.3).
 *
 * @module
 */

/** MeTTa source loaded into the core library space of every runner. */
export const CORELIB_METTA = String.raw`
; Types of interpreter symbols and of the minimal instructions (section 3.3, 4.1)
(: = (-> $t $t %Undefined%))
(: ErrorType Type)
(: SpaceType Type)
(: ErrorDescription Type)
(: Error (-> Atom Atom ErrorType))
(: BadType (-> Type Type ErrorDescription))
(: BadArgType (-> Number Type Type ErrorDescription))
(: IncorrectNumberOfArguments ErrorDescription)
(: return (-> $t $t))
(: function (-> Atom Atom))
(: eval (-> Atom Atom))
(: evalc (-> Atom SpaceType Atom))
(: chain (-> Atom Variable Atom %Undefined%))
(: unify (-> Atom Atom Atom Atom %Undefined%))
(: cons-atom (-> Atom Expression Atom))
(: decons-atom (-> Expression Atom))
(: context-space (-> SpaceType))
(: collapse-bind (-> Atom Expression))
(: superpose-bind (-> Expression Atom))
(: metta (-> Atom Type SpaceType Atom))

; A branch that yields nothing.
(= (empty) Empty)

; Each element of $list replaces $var in $template, which then runs as minimal MeTTa.
(: map-atom (-> Expression Variable Atom Expression))
(= (map-atom $list $var $template)
  (function (eval (if-decons-expr $list $first $others
    (chain (eval (sealed ($var) $template)) $own-template
      (chain (eval (atom-subst $first $var $own-template)) $step
        (chain $step $mapped
          (chain (eval (map-atom $others $var $template)) $mapped-others
            (chain (cons-atom $mapped $mapped-others) $all (return $all)) ))))
    (return ()) ))))

; Keeps the elements for which the predicate, run as minimal MeTTa, gives True.
(: filter-atom (-> Expression Variable Atom Expression))
(= (filter-atom $list $var $predicate)
  (function (eval (if-decons-expr $list $first $others
    (chain (eval (sealed ($var) $predicate)) $own-predicate
      (chain (eval (atom-subst $first $var $own-predicate)) $test
        (chain $test $keep
          (chain (eval (filter-atom $others $var $predicate)) $kept-others
            (eval (if $keep
              (chain (cons-atom $first $kept-others) $all (return $all))
              (return $kept-others) ))))))
    (return ()) ))))

; Left fold: $acc-var holds the accumulator and $item-var the element while $step is evaluated.
(: foldl-atom (-> Expression Atom Variable Variable Atom %Undefined%))
(= (foldl-atom $list $init $acc-var $item-var $step)
  (function (eval (if-decons-expr $list $first $others
    (chain (eval (sealed ($acc-var $item-var) $step)) $own-step
      (chain (eval (atom-subst $init $acc-var $own-step)) $partial
        (chain (eval (atom-subst $first $item-var $partial)) $call
          (chain (context-space) $space
            (chain (metta $call %Undefined% $space) $next
              (chain (eval (foldl-atom $others $next $acc-var $item-var $step)) $folded
                (return $folded) ))))))
    (return $init) ))))

; Calls $func on each element, for its side effects.
(: for-each-in-atom (-> Expression Atom (->)))
(= (for-each-in-atom $list $func)
  (if-decons-expr $list $first $others
    (let $ignored ($func $first) (for-each-in-atom $others $func))
    () ))
`;
